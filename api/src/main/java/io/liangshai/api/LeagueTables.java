package io.liangshai.api;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * League tables (晾晒评价, SPEC §4) from the warehouse: the members' indicators for the period and for
 * the previous period of the same length, ranked by core's {@link LeagueTable}. Blocking (JDBC).
 */
final class LeagueTables {

  private final MetricsQueries queries;
  private final Clock clock;

  LeagueTables(MetricsQueries queries, Clock clock) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The table of {@code members} for {@code period} under {@code scheme}, each row carrying its
   * rank under the same scheme in {@code period.previous()}.
   */
  LeagueTable compute(Period period, List<Tenant> members, Scheme scheme) throws SQLException {
    List<String> codes = members.stream().map(Tenant::code).toList();
    Instant now = clock.instant();
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
        scheme, figures(queries.indicators(period, codes, now)), previousRanks);
  }

  private static List<TenantFigures> figures(Map<String, Indicators> byTenant) {
    List<TenantFigures> figures = new ArrayList<>(byTenant.size());
    byTenant.forEach((tenant, indicators) -> figures.add(new TenantFigures(tenant, indicators)));
    return figures;
  }
}
