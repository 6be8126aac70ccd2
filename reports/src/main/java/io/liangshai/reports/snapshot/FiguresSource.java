package io.liangshai.reports.snapshot;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.WarehouseException;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where a snapshot's figures come from: league tables and one tenant's indicators. A failed read
 * throws the unchecked {@link WarehouseException}.
 */
public interface FiguresSource {

  /**
   * The league table of {@code members} for {@code period}, {@code overdue_open} at {@code now}.
   */
  LeagueTable table(Period period, List<String> members, Scheme scheme, Instant now);

  /** The indicators of {@code tenant} for {@code period}, {@code overdue_open} at {@code now}. */
  Indicators indicators(Period period, String tenant, Instant now);

  /** The warehouse's figures: the tables {@code GET /api/v1/rankings} serves. */
  static FiguresSource of(LeagueTables tables, MetricsQueries metrics) {
    return new FiguresSource() {
      @Override
      public LeagueTable table(Period period, List<String> members, Scheme scheme, Instant now) {
        try {
          return tables.compute(period, members, scheme, RobustnessSettings.none(), now);
        } catch (SQLException e) {
          throw new WarehouseException("compute the league table of " + period, e);
        }
      }

      @Override
      public Indicators indicators(Period period, String tenant, Instant now) {
        try {
          return metrics.indicators(period, List.of(tenant), now).get(tenant);
        } catch (SQLException e) {
          throw new WarehouseException("read the indicators of " + tenant + " " + period, e);
        }
      }
    };
  }
}
