package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.IndicatorFigure;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RobustnessSettings;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.time.Period;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * League tables (晾晒评价, SPEC §4) from the warehouse: the members' indicators for the period and for
 * the previous period of the same length, ranked by core's {@link LeagueTable}. The one place the
 * API's {@code /rankings} and the bulletins get their tables from, so both rank alike. Blocking
 * (JDBC).
 */
public final class LeagueTables {

  private static final int CACHE_LIMIT = 256;

  private final MetricsQueries queries;
  private final Clock clock;
  private final CustomFigures custom;

  /**
   * Tables kept while their inputs stand: the counts' version (any change to the counts of the two
   * periods changes it; read at most every {@link #VERSION_READING}) and the minute ({@code
   * overdue_open} moves with the clock). Identical requests arriving together are computed once.
   */
  private final OnceCache<Key, LeagueTable, SQLException> cache =
      new OnceCache<>(CACHE_LIMIT, SQLException.class);

  /**
   * How long one reading of the counts' version answers for every request of the same periods: at
   * 100 concurrent clients the version is read about ten times a second instead of a hundred times,
   * and a table is never more than this older than the counts it was asked after.
   */
  static final Duration VERSION_READING = Duration.ofMillis(100);

  private final ConcurrentHashMap<List<Period>, VersionReading> versions =
      new ConcurrentHashMap<>();

  private record VersionReading(long version, long readAtNanos) {
    boolean fresh(long nowNanos) {
      return nowNanos - readAtNanos < VERSION_READING.toNanos();
    }
  }

  private record Key(
      Period period, List<String> members, String scheme, long countsVersion, long minute) {}

  /** Tables of schemes over the four built-in rates only. */
  public LeagueTables(MetricsQueries queries, Clock clock) {
    this(queries, clock, null);
  }

  /** Tables of schemes over any indicator code, whose other figures {@code custom} reads. */
  public LeagueTables(MetricsQueries queries, Clock clock, CustomFigures custom) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.custom = custom;
  }

  /**
   * The table of a scheme that may score indicators other than the built-in rates: {@code
   * definitions} are the definitions in force of those codes. Not cached (reported uploads do not
   * move the counts' version); a scheme of built-in rates only is {@link #compute(Period,
   * Collection, Scheme)}'s.
   */
  public LeagueTable compute(
      Period period,
      Collection<String> members,
      Scheme scheme,
      List<IndicatorDefinition> definitions)
      throws SQLException {
    if (scheme.customIndicators().isEmpty()) {
      return compute(period, members, scheme);
    }
    return compute(
        period, members, scheme, definitions, RobustnessSettings.defaults(), clock.instant());
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
            countsVersion(List.of(period, period.previous())),
            now.getEpochSecond() / 60);
    return cache.get(key, () -> compute(period, codes, scheme, RobustnessSettings.defaults(), now));
  }

  /**
   * What a table of built-in rates for {@code period} stands on besides its request: the counts'
   * version of the period and of the previous one (the reading {@link #compute(Period, Collection,
   * Scheme)} uses) and the minute. An answer made from a table stays exact while this stays equal.
   */
  public String inputs(Period period) throws SQLException {
    long version = countsVersion(List.of(period, period.previous()));
    return version + "/" + clock.instant().getEpochSecond() / 60;
  }

  /**
   * The counts' version of {@code periods}, read at most once per {@link #VERSION_READING} however
   * many requests ask (they wait for the one reading in flight).
   */
  private long countsVersion(List<Period> periods) throws SQLException {
    VersionReading known = versions.get(periods);
    if (known != null && known.fresh(System.nanoTime())) {
      return known.version();
    }
    try {
      return versions
          .compute(
              periods,
              (k, old) -> {
                if (old != null && old.fresh(System.nanoTime())) {
                  return old;
                }
                try {
                  return new VersionReading(queries.countsVersion(k), System.nanoTime());
                } catch (SQLException e) {
                  throw new CompletionException(e);
                }
              })
          .version();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    } finally {
      if (versions.size() > CACHE_LIMIT) {
        versions.keySet().removeIf(k -> !k.equals(periods));
      }
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
    return compute(period, members, scheme, List.of(), settings, now);
  }

  /**
   * The table of a scheme over any indicator code ({@code definitions}: the definitions in force of
   * its codes other than the built-in rates) with the given robustness settings, {@code
   * overdue_open} judged at {@code now}: what a bulletin ranks by. Not cached.
   */
  public LeagueTable compute(
      Period period,
      Collection<String> members,
      Scheme scheme,
      List<IndicatorDefinition> definitions,
      RobustnessSettings settings,
      Instant now)
      throws SQLException {
    List<String> codes = List.copyOf(members);
    LeagueTable previous =
        LeagueTable.compute(
            scheme,
            figures(
                queries.indicators(period.previous(), codes, now, false),
                customFigures(scheme, definitions, period.previous(), codes)),
            Map.of(),
            RobustnessSettings.none());
    Map<String, Integer> previousRanks = new HashMap<>();
    for (LeagueRow row : previous.rows()) {
      if (row.rank() != null) {
        previousRanks.put(row.tenant(), row.rank());
      }
    }
    return LeagueTable.compute(
        scheme,
        figures(
            queries.indicators(period, codes, now),
            customFigures(scheme, definitions, period, codes)),
        previousRanks,
        settings);
  }

  /** The figures of the scheme's codes other than the built-in rates; none when it has none. */
  private Map<String, Map<String, IndicatorFigure>> customFigures(
      Scheme scheme, List<IndicatorDefinition> definitions, Period period, List<String> codes) {
    if (scheme.customIndicators().isEmpty()) {
      return Map.of();
    }
    Map<String, IndicatorDefinition> byCode = new HashMap<>();
    definitions.forEach(d -> byCode.put(d.code(), d));
    List<IndicatorDefinition> wanted = new ArrayList<>();
    for (SchemeIndicator indicator : scheme.customIndicators()) {
      IndicatorDefinition d = byCode.get(indicator.code());
      if (d == null) {
        throw new IllegalArgumentException(
            "scheme " + scheme.id() + " scores " + indicator.code() + ", which is not in force");
      }
      wanted.add(d);
    }
    if (custom == null) {
      throw new IllegalStateException("these league tables read the built-in rates only");
    }
    return custom.figures(wanted, period, codes);
  }

  private static List<TenantFigures> figures(
      Map<String, Indicators> byTenant, Map<String, Map<String, IndicatorFigure>> custom) {
    List<TenantFigures> figures = new ArrayList<>(byTenant.size());
    byTenant.forEach(
        (tenant, indicators) ->
            figures.add(
                new TenantFigures(tenant, indicators, custom.getOrDefault(tenant, Map.of()))));
    return figures;
  }
}
