package io.liangshai.warehouse.figures;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.time.Period;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * League tables (晾晒评价, SPEC §4) from the warehouse: the members' indicators for the period and for
 * the previous period of the same length, ranked by core's {@link LeagueTable}. The one place the
 * API's {@code /rankings} and the bulletins get their tables from, so both rank alike. Blocking
 * (JDBC).
 */
public final class LeagueTables {

  private final MetricsQueries queries;
  private final Clock clock;

  public LeagueTables(MetricsQueries queries, Clock clock) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The table of the tenants {@code members} (codes) for {@code period} under {@code scheme}, with
   * rank intervals and weight sensitivity ({@link RobustnessSettings#defaults()}), each row
   * carrying its rank under the same scheme in {@code period.previous()}.
   */
  public LeagueTable compute(Period period, Collection<String> members, Scheme scheme)
      throws SQLException {
    return compute(period, members, scheme, RobustnessSettings.defaults(), clock.instant());
  }

  /**
   * The same table with the given robustness settings, with {@code overdue_open} judged at {@code
   * now}. Ranks, scores and signals do not depend on {@code settings}.
   */
  public LeagueTable compute(
      Period period,
      Collection<String> members,
      Scheme scheme,
      RobustnessSettings settings,
      Instant now)
      throws SQLException {
    List<String> codes = List.copyOf(members);
    LeagueTable previous =
        LeagueTable.compute(
            scheme,
            figures(queries.indicators(period.previous(), codes, now)),
            Map.of(),
            RobustnessSettings.none());
    Map<String, Integer> previousRanks = new HashMap<>();
    for (LeagueRow row : previous.rows()) {
      if (row.rank() != null) {
        previousRanks.put(row.tenant(), row.rank());
      }
    }
    return LeagueTable.compute(
        scheme, figures(queries.indicators(period, codes, now)), previousRanks, settings);
  }

  private static List<TenantFigures> figures(Map<String, Indicators> byTenant) {
    List<TenantFigures> figures = new ArrayList<>(byTenant.size());
    byTenant.forEach((tenant, indicators) -> figures.add(new TenantFigures(tenant, indicators)));
    return figures;
  }
}
