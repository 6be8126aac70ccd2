package io.liangshai.warehouse.testing;

import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.OverdueRule;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows of {@code case_facts} as the stream job would leave them for a set of records: the latest
 * version of each case with its recurrence and effective deadline from core's {@link
 * ReferenceCalculator}, its ancestors from the Zhejiang registry and its periods, all written with
 * one row version (a greater one replaces the rows of an earlier load).
 */
public final class SampleFacts {

  private SampleFacts() {}

  /** Writes the facts of the latest version of every case of {@code records}. */
  public static void load(Warehouse warehouse, List<CaseRecord> records, long version)
      throws SQLException {
    ReferenceCalculator calculator = new ReferenceCalculator(ZhejiangTenants.hierarchy());
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(CaseFactsTable.INSERT.sql())) {
      for (LatestCase latest : calculator.latestCases(records.stream())) {
        bind(ps, latest, version);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, LatestCase latest, long version)
      throws SQLException {
    CaseRecord r = latest.record();
    String[] ancestors =
        ZhejiangTenants.hierarchy().selfAndAncestors(r.tenantCode()).toArray(String[]::new);
    CaseFactsTable.INSERT
        .bind(ps)
        .set(CaseFactsTable.TENANT_CODE, r.tenantCode())
        .set(CaseFactsTable.CASE_ID, r.caseId())
        .set(CaseFactsTable.ANCESTORS, ancestors)
        .set(CaseFactsTable.UPDATED_AT, CaseFactsTable.timestamp(r.updatedAt()))
        .set(CaseFactsTable.ENTERPRISE_USCC, r.enterpriseUscc())
        .set(CaseFactsTable.ENTERPRISE_NAME, r.enterpriseName())
        .set(CaseFactsTable.CHANNEL, r.channel().wireName())
        .set(CaseFactsTable.CATEGORY, r.category().wireName())
        .set(CaseFactsTable.STATUS, r.status().wireName())
        .set(CaseFactsTable.RECEIVED_AT, CaseFactsTable.timestamp(r.receivedAt()))
        .set(CaseFactsTable.DEADLINE, CaseFactsTable.timestamp(latest.facts().deadline()))
        .set(CaseFactsTable.DEADLINE_DERIVED, r.deadline() == null)
        .set(CaseFactsTable.CLOSED_AT, CaseFactsTable.timestamp(r.closedAt()))
        .set(CaseFactsTable.ESCALATION_LEVEL, r.escalationLevel().wireName())
        .set(CaseFactsTable.REASSIGNED_COUNT, r.reassignedCount())
        .set(CaseFactsTable.LEADER_INSTRUCTED, r.leaderInstructed())
        .set(
            CaseFactsTable.SATISFACTION,
            r.satisfaction() == null ? null : r.satisfaction().wireName())
        .set(CaseFactsTable.DESCRIPTION, r.description())
        .set(CaseFactsTable.RECURRENCE, latest.recurrence())
        .set(
            CaseFactsTable.OVERDUE_CLOSED,
            OverdueRule.isClosedLate(r.status(), r.closedAt(), latest.facts().deadline()))
        .set(CaseFactsTable.PERIOD_MONTH, period(PeriodKind.MONTH, r))
        .set(CaseFactsTable.PERIOD_QUARTER, period(PeriodKind.QUARTER, r))
        .set(CaseFactsTable.PERIOD_YEAR, period(PeriodKind.YEAR, r))
        .set(CaseFactsTable.PERIOD_WEEK, period(PeriodKind.WEEK, r))
        .set(CaseFactsTable.VERSION, version)
        .done();
  }

  private static String period(PeriodKind kind, CaseRecord r) {
    return Period.of(kind, r.receivedAt()).toString();
  }
}
