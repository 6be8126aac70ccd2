package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;

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

  /** A scheme builder whose id and name are both {@code id}. */
  static Scheme.Builder named(String id) {
    return Scheme.builder().id(id).name(id);
  }

  /** The SPEC table alone, without rank intervals or weight sensitivity. */
  static LeagueTable table(Scheme scheme, List<TenantFigures> tenants) {
    return LeagueTable.compute(scheme, tenants, Map.of(), RobustnessSettings.none());
  }

  /** Asserts on (tenant, rank, score) of each row, in the table's order. */
  static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertRanks(
      LeagueTable table) {
    return assertThat(table.rows())
        .extracting(LeagueRow::tenant, LeagueRow::rank, LeagueRow::score);
  }

  /** Asserts on (tenant, score) of each row, in the table's order. */
  static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertScores(
      LeagueTable table) {
    return assertThat(table.rows()).extracting(LeagueRow::tenant, LeagueRow::score);
  }
}
