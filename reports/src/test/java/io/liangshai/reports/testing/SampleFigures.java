package io.liangshai.reports.testing;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

  private static SortedMap<Period, SortedMap<String, Indicators>> figures;

  /** Period → tenant code → indicators of the sample feed. */
  public static synchronized SortedMap<Period, SortedMap<String, Indicators>> figures() {
    if (figures == null) {
      CaseRecordValidator validator =
          new CaseRecordValidator(TenantScope.knownTenants(ZhejiangTenants.codes()));
      List<CaseRecord> valid = new ArrayList<>();
      List<Map<String, Object>> rows = SampleFeed.rows();
      for (int i = 0; i < rows.size(); i++) {
        ValidationResult result = validator.validate(rows.get(i), i + 1);
        if (result.isValid()) {
          valid.add(result.record());
        }
      }
      figures =
          new ReferenceCalculator(ZhejiangTenants.childToParent())
              .compute(
                  valid.stream(),
                  List.of(PeriodKind.MONTH, PeriodKind.QUARTER),
                  ExpectedMetrics.QUERY_TIME);
    }
    return figures;
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
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tenant_period_counts (period_kind, period, tenant_code, received,"
                    + " closed, overdue_closed, recurrences, rated, satisfied, dissatisfied,"
                    + " reassigned, leader_instructed, escalated, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<Period, SortedMap<String, Indicators>> period : figures().entrySet()) {
        for (Map.Entry<String, Indicators> tenant : period.getValue().entrySet()) {
          IndicatorCounts n = tenant.getValue().counts();
          ps.setString(1, period.getKey().kind().name().toLowerCase(Locale.ROOT));
          ps.setString(2, period.getKey().toString());
          ps.setString(3, tenant.getKey());
          ps.setLong(4, n.received());
          ps.setLong(5, n.closed());
          ps.setLong(6, n.overdueClosed());
          ps.setLong(7, n.recurrences());
          ps.setLong(8, n.rated());
          ps.setLong(9, n.satisfied());
          ps.setLong(10, n.dissatisfied());
          ps.setLong(11, n.reassigned());
          ps.setLong(12, n.leaderInstructed());
          ps.setLong(13, n.escalated());
          ps.setLong(14, version);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
