package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Small hand-made league tables for the ranking tests. */
final class RankingFixtures {

  private RankingFixtures() {}

  /** A tenant with the counts behind the four rates; the anomaly counts are zero. */
  static TenantFigures figures(
      String tenant,
      long received,
      long closed,
      long overdueClosed,
      long recurrences,
      long rated,
      long satisfied) {
    IndicatorCounts counts =
        new IndicatorCounts(
            received, closed, overdueClosed, recurrences, rated, satisfied, 0, 0, 0, 0);
    return new TenantFigures(tenant, new Indicators(counts, 0));
  }

  /** A tenant whose only non-trivial rate is 办结率 {@code closed/received}. */
  static TenantFigures resolution(String tenant, long received, long closed) {
    return figures(tenant, received, closed, 0, 0, 0, 0);
  }

  /** A scheme scoring one rate with weight 1 and the given direction, minimum volume 20. */
  static Scheme single(Indicator rate, Direction direction) {
    return named("single").indicator(rate, 1, direction).build();
  }

  /**
   * A scheme builder weighing two rates, each in its {@link Direction#natural natural direction}:
   * {@code first} by {@code firstWeight}, {@code second} by {@code secondWeight}.
   */
  static Scheme.Builder weighing(
      String id, Indicator first, double firstWeight, Indicator second, double secondWeight) {
    return named(id)
        .indicator(first, firstWeight, Direction.natural(first))
        .indicator(second, secondWeight, Direction.natural(second));
  }

  /** A scheme builder whose id and name are both {@code id}. */
  static Scheme.Builder named(String id) {
    return Scheme.builder().id(id).name(id);
  }

  /** The SPEC table alone, without rank intervals or weight sensitivity. */
  static LeagueTable table(Scheme scheme, List<TenantFigures> tenants) {
    return LeagueTable.compute(scheme, tenants, Map.of(), RobustnessSettings.none());
  }

  /**
   * One row of a table computed by hand: a tenant's counts behind the four rates, and the rank and
   * score SPEC §4 gives it (both null when the tenant is too small to rank).
   */
  record HandRow(TenantFigures figures, Integer rank, BigDecimal score) {}

  /**
   * The hand-computed table {@code tables/<name>.csv} beside these tests, in the order the league
   * table lists its tenants: {@code tenant, received, closed, overdue_closed, recurrences, rated,
   * satisfied, rank, score}; lines starting with {@code #} say how the figures were computed.
   */
  static List<HandRow> handTable(String name) {
    String resource = "tables/" + name + ".csv";
    try (InputStream in = RankingFixtures.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
      return lines.stream().filter(l -> !l.startsWith("#")).map(RankingFixtures::handRow).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static HandRow handRow(String line) {
    String[] f = line.split(",", -1);
    long[] n = new long[6];
    for (int i = 0; i < n.length; i++) {
      n[i] = Long.parseLong(f[i + 1]);
    }
    return new HandRow(
        figures(f[0], n[0], n[1], n[2], n[3], n[4], n[5]),
        f[7].isEmpty() ? null : Integer.valueOf(f[7]),
        f[8].isEmpty() ? null : new BigDecimal(f[8]));
  }

  /** The tenants of {@code rows} in the reverse order, so that the table's own order is tested. */
  static List<TenantFigures> tenants(List<HandRow> rows) {
    List<TenantFigures> tenants = new ArrayList<>(rows.stream().map(HandRow::figures).toList());
    Collections.reverse(tenants);
    return tenants;
  }

  /**
   * Computes {@code scheme}'s table over the tenants of {@link #handTable hand table} {@code name}
   * and asserts that it lists them in the hand table's order with its ranks and scores (ranked ones
   * eligible, the others not).
   */
  static LeagueTable assertHandTable(Scheme scheme, String name) {
    List<HandRow> want = handTable(name);
    LeagueTable table = table(scheme, tenants(want));
    assertThat(table.rows())
        .as(name)
        .extracting(LeagueRow::tenant, LeagueRow::eligible, LeagueRow::rank, LeagueRow::score)
        .containsExactlyElementsOf(
            want.stream()
                .map(r -> tuple(r.figures().tenant(), r.rank() != null, r.rank(), r.score()))
                .toList());
    return table;
  }
}
