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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * League tables (晾晒评价, SPEC §4) from the warehouse: the members' indicators for the period and for
 * the previous period of the same length, ranked by core's {@link LeagueTable}. Blocking (JDBC).
 *
 * <p>A table is kept while its inputs stand: the counts' version (any change to the counts of the
 * two periods changes it) and the minute ({@code overdue_open} moves with the clock). Identical
 * requests arriving together are computed once.
 */
final class LeagueTables {

  private static final int CACHE_LIMIT = 256;

  private final MetricsQueries queries;
  private final Clock clock;
  private final ConcurrentHashMap<Key, CompletableFuture<LeagueTable>> cache =
      new ConcurrentHashMap<>();

  private record Key(
      Period period, List<String> members, String scheme, long countsVersion, long minute) {}

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
    Key key =
        new Key(
            period,
            codes,
            scheme.toString(),
            queries.countsVersion(List.of(period, period.previous())),
            now.getEpochSecond() / 60);
    CompletableFuture<LeagueTable> mine = new CompletableFuture<>();
    CompletableFuture<LeagueTable> shared = cache.putIfAbsent(key, mine);
    if (shared != null) {
      try {
        return shared.join();
      } catch (CompletionException e) {
        cache.remove(key, shared);
        if (e.getCause() instanceof SQLException s) {
          throw s;
        }
        throw e;
      }
    }
    try {
      LeagueTable table = computeNow(period, codes, scheme, now);
      mine.complete(table);
      if (cache.size() > CACHE_LIMIT) {
        cache.keySet().removeIf(k -> !k.equals(key));
      }
      return table;
    } catch (SQLException | RuntimeException e) {
      mine.completeExceptionally(e);
      cache.remove(key, mine);
      throw e;
    }
  }

  private LeagueTable computeNow(Period period, List<String> codes, Scheme scheme, Instant now)
      throws SQLException {
    LeagueTable previous =
        LeagueTable.compute(
            scheme,
            figures(queries.indicators(period.previous(), codes, now, false)),
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
