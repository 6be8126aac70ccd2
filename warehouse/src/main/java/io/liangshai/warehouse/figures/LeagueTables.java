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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * League tables (晾晒评价, SPEC §4) from the warehouse: the members' indicators for the period and for
 * the previous period of the same length, ranked by core's {@link LeagueTable}. The one place the
 * API's {@code /rankings} and the bulletins get their tables from, so both rank alike. Blocking
 * (JDBC).
 */
public final class LeagueTables {

  private final MetricsQueries queries;
  private final Clock clock;

  /**
   * Tables kept while their inputs stand: the counts' version (any change to the counts of the two
   * periods changes it) and the minute ({@code overdue_open} moves with the clock). Identical
   * requests arriving together are computed once.
   */
  private final ConcurrentHashMap<Key, CompletableFuture<LeagueTable>> cache =
      new ConcurrentHashMap<>();

  private static final int CACHE_LIMIT = 256;

  private record Key(
      Period period, List<String> members, String scheme, long countsVersion, long minute) {}

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
    Instant now = clock.instant();
    List<String> codes = List.copyOf(members);
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
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw e;
      }
    }
    try {
      LeagueTable table = compute(period, codes, scheme, RobustnessSettings.defaults(), now);
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
        scheme, figures(queries.indicators(period, codes, now)), previousRanks, settings);
  }

  private static List<TenantFigures> figures(Map<String, Indicators> byTenant) {
    List<TenantFigures> figures = new ArrayList<>(byTenant.size());
    byTenant.forEach((tenant, indicators) -> figures.add(new TenantFigures(tenant, indicators)));
    return figures;
  }
}
