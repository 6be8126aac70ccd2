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
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO case_facts (tenant_code, case_id, ancestors, updated_at,"
                    + " enterprise_uscc, enterprise_name, channel, category, status, received_at,"
                    + " deadline, deadline_derived, closed_at, escalation_level, reassigned_count,"
                    + " leader_instructed, satisfaction, description, recurrence, overdue_closed,"
                    + " period_month, period_quarter, period_year, period_week, version) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)")) {
      for (String tenant : tenants) {
        String[] ancestors =
            registry.selfAndAncestors(tenant).stream().map(t -> t.code()).toArray(String[]::new);
        for (int i = 0; i < perTenant; i++) {
          Instant received = Instant.parse("2024-03-04T02:00:00Z").plusSeconds(3600L * i);
          boolean closed = i % 2 == 0;
          boolean overdue = i == 0;
          int p = 1;
          ps.setString(p++, tenant);
          ps.setString(p++, "C-" + tenant + "-" + i);
          ps.setObject(p++, ancestors);
          ps.setTimestamp(p++, Timestamp.from(received.plusSeconds(60)));
          ps.setString(p++, "91330000MA27XXXXXX");
          ps.setString(p++, enterpriseName(tenant));
          ps.setString(p++, "hotline_12345");
          ps.setString(p++, i % 3 == 0 ? "policy" : "finance");
          ps.setString(p++, closed ? "closed" : "in_progress");
          ps.setTimestamp(p++, Timestamp.from(received));
          ps.setTimestamp(p++, Timestamp.from(received.plusSeconds(86_400L * 20)));
          ps.setInt(p++, 1);
          if (closed) {
            ps.setTimestamp(
                p++, Timestamp.from(received.plusSeconds(86_400L * (overdue ? 30 : 2))));
          } else {
            ps.setNull(p++, java.sql.Types.TIMESTAMP);
          }
          ps.setString(p++, "county");
          ps.setInt(p++, 0);
          ps.setInt(p++, 0);
          ps.setString(p++, closed ? "satisfied" : null);
          ps.setString(p++, description(tenant));
          ps.setInt(p++, 0);
          ps.setInt(p++, overdue ? 1 : 0);
          ps.setString(p++, PERIOD);
          ps.setString(p++, "2024-Q1");
          ps.setString(p++, "2024");
          ps.setString(p++, "2024-W10");
          ps.setLong(p++, 1);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
