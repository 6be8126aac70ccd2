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
    CaseFactsTable.bind(
        ps,
        r,
        new CaseFactsTable.Derived(
            ancestors,
            latest.facts().deadline(),
            r.deadline() == null,
            latest.recurrence(),
            OverdueRule.isClosedLate(r.status(), r.closedAt(), latest.facts().deadline()),
            period(PeriodKind.MONTH, r),
            period(PeriodKind.QUARTER, r),
            period(PeriodKind.YEAR, r),
            period(PeriodKind.WEEK, r),
            version));
  }

  private static String period(PeriodKind kind, CaseRecord r) {
    return Period.of(kind, r.receivedAt()).toString();
  }
}
