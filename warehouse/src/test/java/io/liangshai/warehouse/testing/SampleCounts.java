package io.liangshai.warehouse.testing;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The sample feed's figures per tenant, month and quarter, computed by core's {@link
 * ReferenceCalculator} and written straight into {@code tenant_period_counts}, as the stream job
 * would leave them. {@code case_facts} stays empty, so {@code overdue_open} is 0.
 */
public final class SampleCounts {

  private static SortedMap<Period, SortedMap<String, Indicators>> figures;

  private SampleCounts() {}

  /** Period → tenant code → indicators of the sample feed. */
  public static synchronized SortedMap<Period, SortedMap<String, Indicators>> figures() {
    if (figures == null) {
      figures =
          new ReferenceCalculator(ZhejiangTenants.hierarchy())
              .compute(
                  SampleFeed.validRecords().stream(),
                  List.of(PeriodKind.MONTH, PeriodKind.QUARTER),
                  ExpectedMetrics.QUERY_TIME);
    }
    return figures;
  }

  /** Writes every figure into {@code tenant_period_counts} with row version 1. */
  public static void load(Warehouse warehouse) throws SQLException {
    load(warehouse, 1);
  }

  /** Writes every figure into {@code tenant_period_counts} with row version {@code version}. */
  public static void load(Warehouse warehouse, long version) throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(TenantPeriodCountsTable.INSERT.sql())) {
      for (Map.Entry<Period, SortedMap<String, Indicators>> period : figures().entrySet()) {
        for (Map.Entry<String, Indicators> tenant : period.getValue().entrySet()) {
          Period p = period.getKey();
          TenantPeriodCountsTable.bind(
              ps,
              p.kind().name(),
              p.toString(),
              tenant.getKey(),
              tenant.getValue().counts(),
              version);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
