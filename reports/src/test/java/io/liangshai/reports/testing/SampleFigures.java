package io.liangshai.reports.testing;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.time.Period;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.testing.SampleCounts;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The sample feed's figures per tenant, month and quarter, computed by core's {@link
 * ReferenceCalculator}: in memory as a {@link FiguresSource} (for rendering tests without
 * ClickHouse), or written into {@code tenant_period_counts} as the stream job would leave them.
 * {@code overdue_open} is the reference calculator's (after every deadline) in memory, and 0 from
 * ClickHouse, where {@code case_facts} stays empty.
 */
public final class SampleFigures implements FiguresSource {

  /** Period → tenant code → indicators of the sample feed. */
  public static SortedMap<Period, SortedMap<String, Indicators>> figures() {
    return SampleCounts.figures();
  }

  @Override
  public LeagueTable table(Period period, List<String> members, Scheme scheme, Instant now) {
    Map<String, Integer> previous = new HashMap<>();
    for (LeagueRow row :
        LeagueTable.compute(
                scheme, of(period.previous(), members), Map.of(), RobustnessSettings.none())
            .rows()) {
      if (row.rank() != null) {
        previous.put(row.tenant(), row.rank());
      }
    }
    return LeagueTable.compute(scheme, of(period, members), previous, RobustnessSettings.none());
  }

  @Override
  public Indicators indicators(Period period, String tenant, Instant now) {
    return figures().getOrDefault(period, new java.util.TreeMap<>()).getOrDefault(tenant, ZERO);
  }

  private static final Indicators ZERO = new Indicators(IndicatorCounts.ZERO, 0);

  private List<TenantFigures> of(Period period, List<String> members) {
    return members.stream().map(m -> new TenantFigures(m, indicators(period, m, null))).toList();
  }

  /** Writes every figure into {@code tenant_period_counts} with row version {@code version}. */
  public static void load(Warehouse warehouse, long version) throws SQLException {
    SampleCounts.load(warehouse, version);
  }
}
