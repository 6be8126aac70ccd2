package io.liangshai.reports.snapshot;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
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
import java.util.function.Supplier;

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

  /**
   * The indicator definitions in force (SPEC §7), read once per bulletin: their targets make the
   * 目标达成 section, and a scheme over other codes than the built-in rates is ranked with them. These
   * figures know the built-in four only, unless they say otherwise.
   */
  default List<IndicatorDefinition> definitions() {
    return BuiltInIndicators.all();
  }

  /**
   * The league table of a scheme that may score any code of {@code definitions}; these figures rank
   * the built-in rates only, unless they say otherwise.
   */
  default LeagueTable table(
      Period period,
      List<String> members,
      Scheme scheme,
      List<IndicatorDefinition> definitions,
      Instant now) {
    return table(period, members, scheme, now);
  }

  /** The warehouse's figures: the tables {@code GET /api/v1/rankings} serves. */
  static FiguresSource of(LeagueTables tables, MetricsQueries metrics) {
    return of(tables, metrics, BuiltInIndicators::all);
  }

  /**
   * The warehouse's figures with the definitions in force from {@code inForce} (blocking: the
   * catalog in PostgreSQL), so a bulletin may rank by a scheme over any of them (8+X).
   */
  static FiguresSource of(
      LeagueTables tables, MetricsQueries metrics, Supplier<List<IndicatorDefinition>> inForce) {
    return new FiguresSource() {
      @Override
      public List<IndicatorDefinition> definitions() {
        return List.copyOf(inForce.get());
      }

      @Override
      public LeagueTable table(
          Period period,
          List<String> members,
          Scheme scheme,
          List<IndicatorDefinition> definitions,
          Instant now) {
        try {
          return tables.compute(
              period, members, scheme, definitions, RobustnessSettings.none(), now);
        } catch (SQLException e) {
          throw new WarehouseException("compute the league table of " + period, e);
        }
      }

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
