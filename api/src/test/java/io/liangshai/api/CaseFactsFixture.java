package io.liangshai.api;

import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * A few current case facts written straight into {@code case_facts}, as the stream job would leave
 * them: each case's enterprise name and description name its tenant ({@code 企业-330522}, {@code
 * 描述-330522：…}), so a leak of one tenant's text to another is easy to spot; the descriptions all
 * state one problem, so each scope's cases form one common problem (SPEC §9).
 */
final class CaseFactsFixture {

  /** Every case is received in this month (Asia/Shanghai). */
  static final String PERIOD = "2024-03";

  private CaseFactsFixture() {}

  static String enterpriseName(String tenant) {
    return "企业-" + tenant;
  }

  static String description(String tenant) {
    return "描述-" + tenant + "：企业反映融资难，银行贷款门槛高";
  }

  /** Writes {@code perTenant} cases for each of {@code tenants}; one of each is overdue-closed. */
  static void load(
      Warehouse warehouse, TenantRegistry registry, List<String> tenants, int perTenant)
      throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (String tenant : tenants) {
        for (int i = 0; i < perTenant; i++) {
          bind(ps, registry, tenant, "C-" + tenant + "-" + i, i, i % 2 == 0 ? "closed" : null, 1);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /**
   * Writes case {@code caseId} of {@code tenant}, received in {@link #PERIOD}: version 1 in
   * progress, then version 2 withdrawn (撤单), the latest.
   */
  static void withdrawn(Warehouse warehouse, TenantRegistry registry, String tenant, String caseId)
      throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      bind(ps, registry, tenant, caseId, 1, null, 1);
      ps.addBatch();
      bind(ps, registry, tenant, caseId, 1, "withdrawn", 2);
      ps.addBatch();
      ps.executeBatch();
    }
  }

  private static final String INSERT =
      "INSERT INTO case_facts (tenant_code, case_id, ancestors, updated_at,"
          + " enterprise_uscc, enterprise_name, channel, category, status, received_at,"
          + " deadline, deadline_derived, closed_at, escalation_level, reassigned_count,"
          + " leader_instructed, satisfaction, description, recurrence, overdue_closed,"
          + " period_month, period_quarter, period_year, period_week, version) VALUES"
          + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)";

  /**
   * One row: the {@code i}-th case of its tenant (received {@code i} hours after the first, overdue
   * when i is 0), {@code status} closed, withdrawn or (null) in progress.
   */
  private static void bind(
      PreparedStatement ps,
      TenantRegistry registry,
      String tenant,
      String caseId,
      int i,
      String status,
      long version)
      throws SQLException {
    String[] ancestors =
        registry.selfAndAncestors(tenant).stream().map(t -> t.code()).toArray(String[]::new);
    Instant received = Instant.parse("2024-03-04T02:00:00Z").plusSeconds(3600L * i);
    boolean closed = "closed".equals(status);
    boolean overdue = i == 0;
    int p = 1;
    ps.setString(p++, tenant);
    ps.setString(p++, caseId);
    ps.setObject(p++, ancestors);
    ps.setTimestamp(p++, Timestamp.from(received.plusSeconds(60 * version)));
    ps.setString(p++, "91330000MA27XXXXXX");
    ps.setString(p++, enterpriseName(tenant));
    ps.setString(p++, "hotline_12345");
    ps.setString(p++, i % 3 == 0 ? "policy" : "finance");
    ps.setString(p++, status == null ? "in_progress" : status);
    ps.setTimestamp(p++, Timestamp.from(received));
    ps.setTimestamp(p++, Timestamp.from(received.plusSeconds(86_400L * 20)));
    ps.setInt(p++, 1);
    if (closed) {
      ps.setTimestamp(p++, Timestamp.from(received.plusSeconds(86_400L * (overdue ? 30 : 2))));
    } else {
      ps.setNull(p++, java.sql.Types.TIMESTAMP);
    }
    ps.setString(p++, "county");
    ps.setInt(p++, 0);
    ps.setInt(p++, 0);
    ps.setString(p++, closed ? "satisfied" : null);
    ps.setString(p++, description(tenant));
    ps.setInt(p++, 0);
    ps.setInt(p++, closed && overdue ? 1 : 0);
    ps.setString(p++, PERIOD);
    ps.setString(p++, "2024-Q1");
    ps.setString(p++, "2024");
    ps.setString(p++, "2024-W10");
    ps.setLong(p++, version);
  }
}
