package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
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
    return Scheme.builder().id("single").name("single").indicator(rate, 1, direction).build();
  }

  /** The SPEC table alone, without rank intervals or weight sensitivity. */
  static LeagueTable table(Scheme scheme, List<TenantFigures> tenants) {
    return LeagueTable.compute(scheme, tenants, Map.of(), RobustnessSettings.none());
  }
}
