package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.RankingFixtures.figures;
import static io.liangshai.core.ranking.RankingFixtures.resolution;
import static io.liangshai.core.ranking.RankingFixtures.weighing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liangshai.core.indicator.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rank intervals, shrunk rates and weight sensitivity: the analyses beyond SPEC §4. */
class RobustnessTest {

  @Test
  void givesTheSameRankIntervalsForTheSameSeed() {
    List<TenantFigures> group = randomGroup(new SplittableRandom(11), 90);

    LeagueTable first = LeagueTable.compute(Scheme.standard(), group, Map.of());
    LeagueTable second = LeagueTable.compute(Scheme.standard(), group, Map.of());

    assertThat(first.rows()).isEqualTo(second.rows());
    assertThat(first.rows()).filteredOn(LeagueRow::eligible).allSatisfy(this::hasInterval);
    assertThat(first.weightSensitivity()).isEqualTo(second.weightSensitivity());
  }

  @Test
  void givesOtherIntervalsForAnotherSeed() {
    List<TenantFigures> group = randomGroup(new SplittableRandom(11), 90);

    LeagueTable seeded = LeagueTable.compute(Scheme.standard(), group, Map.of());
    LeagueTable reseeded =
        LeagueTable.compute(
            Scheme.standard(), group, Map.of(), new RobustnessSettings(200, 200, 0.2, 99));

    assertThat(reseeded.rows())
        .extracting(LeagueRow::rankInterval)
        .isNotEqualTo(seeded.rows().stream().map(LeagueRow::rankInterval).toList());
    assertThat(reseeded.rows())
        .extracting(LeagueRow::rank)
        .isEqualTo(seeded.rows().stream().map(LeagueRow::rank).toList());
  }

  @Test
  void pinsTenantsApartByFarToASingleRankAndLetsCloseOnesOverlap() {
    List<TenantFigures> group =
        List.of(
            resolution("330101", 2000, 2000),
            resolution("330102", 2000, 1000),
            resolution("330103", 2000, 10),
            resolution("330104", 30, 20),
            resolution("330105", 30, 21));

    LeagueTable table =
        LeagueTable.compute(
            RankingFixtures.single(Indicator.RESOLUTION_RATE, Direction.HIGHER_BETTER),
            group,
            Map.of());

    assertThat(table.row("330101").orElseThrow().rankInterval()).isEqualTo(new RankInterval(1, 1));
    assertThat(table.row("330103").orElseThrow().rankInterval()).isEqualTo(new RankInterval(5, 5));
    RankInterval close = table.row("330104").orElseThrow().rankInterval();
    assertThat(close.p5()).isLessThan(close.p95());
  }

  @Test
  void takesWellUnderASecondForNinetyTenants() {
    List<TenantFigures> group = randomGroup(new SplittableRandom(5), 90);
    LeagueTable.compute(Scheme.standard(), group, Map.of()); // warm up
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      LeagueTable.compute(Scheme.standard(), group, Map.of());
      best = Math.min(best, System.nanoTime() - start);
    }
    assertThat(best / 1_000_000).as("best of 3 runs, ms").isLessThan(500);
  }

  @Test
  void shrinksASmallTenantsRateTowardThePooledOneMoreThanALargeTenants() {
    List<TenantFigures> group = new ArrayList<>();
    int[] closed = {36, 38, 40, 37, 39, 35, 40, 33};
    for (int t = 0; t < closed.length; t++) {
      group.add(resolution(String.valueOf(330101 + t), 40, closed[t]));
    }
    group.add(resolution("330190", 8, 4)); // ineligible, 50%
    group.add(resolution("330191", 400, 200)); // eligible, 50%

    LeagueTable table = LeagueTable.compute(Scheme.standard(), group, Map.of());

    BetaBinomialPrior prior = table.priors().get(Indicator.RESOLUTION_RATE);
    assertThat(prior).isNotNull();
    double small = table.row("330190").orElseThrow().rate(Indicator.RESOLUTION_RATE).shrunk();
    double large = table.row("330191").orElseThrow().rate(Indicator.RESOLUTION_RATE).shrunk();
    assertThat(small).isGreaterThan(large).isGreaterThan(0.5).isLessThan(prior.mean());
    assertThat(small).isCloseTo(prior.shrink(4, 8), within(1e-15));
  }

  @Test
  void reportsWhichRanksMoveUnderWeightNoise() {
    // 330101 leads on both indicators: no weighting moves it; 330102/330103 trade off and are
    // separated by a hair, so ±20% weights swap them in some draws
    Scheme scheme =
        weighing("tradeoff", Indicator.RESOLUTION_RATE, 1, Indicator.SATISFACTION_RATE, 1).build();
    List<TenantFigures> group =
        List.of(
            figures("330101", 40, 40, 0, 0, 20, 20),
            figures("330102", 40, 30, 0, 0, 20, 10),
            figures("330103", 40, 22, 0, 0, 20, 19),
            figures("330104", 40, 20, 0, 0, 20, 0));

    LeagueTable table = LeagueTable.compute(scheme, group, Map.of());

    assertThat(table.row("330101").orElseThrow().weightSensitivity())
        .isEqualTo(new TenantSensitivity(0, 0.0));
    TenantSensitivity swapped = table.row("330102").orElseThrow().weightSensitivity();
    assertThat(swapped.maxAbsRankChange()).isEqualTo(1);
    assertThat(swapped.shareOfDrawsChanged()).isBetween(0.05, 0.95);
    WeightSensitivity summary = table.weightSensitivity();
    assertThat(summary.draws()).isEqualTo(200);
    assertThat(summary.noise()).isEqualTo(0.2);
    assertThat(summary.shareOfTenantsMoved()).isEqualTo(0.5);
    assertThat(summary.maxAbsRankChange()).isEqualTo(1);
    assertThat(summary.meanAbsRankChange()).isGreaterThan(0).isLessThan(0.5);
  }

  private void hasInterval(LeagueRow row) {
    assertThat(row.rankInterval()).isNotNull();
    assertThat(row.rankInterval().p5()).isLessThanOrEqualTo(row.rankInterval().p95());
    assertThat(row.weightSensitivity()).isNotNull();
  }

  /** {@code size} county-like tenants with plausible counts, a few too small to rank. */
  static List<TenantFigures> randomGroup(SplittableRandom random, int size) {
    List<TenantFigures> group = new ArrayList<>();
    for (int t = 0; t < size; t++) {
      long received = 5 + random.nextInt(120);
      long closed = Binomial.sample(random, received, 0.85 + 0.15 * random.nextDouble());
      long overdue = Binomial.sample(random, closed, 0.2 * random.nextDouble());
      long recurrences = Binomial.sample(random, received, 0.1 * random.nextDouble());
      long rated = Binomial.sample(random, closed, 0.6);
      long satisfied = Binomial.sample(random, rated, 0.8 + 0.2 * random.nextDouble());
      group.add(
          figures(
              String.valueOf(330100 + t),
              received,
              closed,
              overdue,
              recurrences,
              rated,
              satisfied));
    }
    return group;
  }
}
