package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.RankingFixtures.assertScores;
import static io.liangshai.core.ranking.RankingFixtures.figures;
import static io.liangshai.core.ranking.RankingFixtures.named;
import static io.liangshai.core.ranking.RankingFixtures.resolution;
import static io.liangshai.core.ranking.RankingFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.indicator.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalisations other than SPEC's min-max, on tables computed by hand. */
class NormalisationTest {

  /** 办结率 0.5, 0.75 and 1.0. */
  private static final List<TenantFigures> THREE =
      List.of(
          resolution("330101", 40, 20), resolution("330102", 40, 30), resolution("330103", 40, 40));

  @Test
  void zScoreScoresFiftyPlusTenTimesZ() {
    // mean 0.75, population sd √(0.125/3) = 0.2041241 → z = −1.2247449, 0, +1.2247449
    LeagueTable table = table(scheme(Normalisation.Z_SCORE, Direction.HIGHER_BETTER), THREE);

    assertScores(table)
        .containsExactly(
            tuple("330103", new BigDecimal("62.25")),
            tuple("330102", new BigDecimal("50.00")),
            tuple("330101", new BigDecimal("37.75")));
  }

  @Test
  void zScoreMirrorsLowerBetterAndClampsToZeroToHundred() {
    LeagueTable mirrored = table(scheme(Normalisation.Z_SCORE, Direction.LOWER_BETTER), THREE);
    assertThat(mirrored.row("330101").orElseThrow().score()).isEqualTo(new BigDecimal("62.25"));

    // one outlier among 30 equal tenants lies 5.48 sd below the mean: clamped to 0
    List<TenantFigures> outlier = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      outlier.add(resolution(String.valueOf(330200 + t), 40, 40));
    }
    outlier.add(resolution("330300", 40, 0));
    LeagueTable clamped = table(scheme(Normalisation.Z_SCORE, Direction.HIGHER_BETTER), outlier);
    assertThat(clamped.row("330300").orElseThrow().score()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void percentileRankCountsTenantsBeatenWithHalfForTies() {
    List<TenantFigures> four =
        List.of(
            resolution("330101", 40, 20),
            resolution("330102", 40, 30),
            resolution("330103", 40, 30),
            resolution("330104", 40, 40));

    LeagueTable higher =
        table(scheme(Normalisation.PERCENTILE_RANK, Direction.HIGHER_BETTER), four);
    LeagueTable lower = table(scheme(Normalisation.PERCENTILE_RANK, Direction.LOWER_BETTER), four);

    assertScores(higher)
        .containsExactly(
            tuple("330104", new BigDecimal("100.00")),
            tuple("330102", new BigDecimal("50.00")),
            tuple("330103", new BigDecimal("50.00")),
            tuple("330101", new BigDecimal("0.00")));
    assertThat(lower.row("330101").orElseThrow().score()).isEqualTo(new BigDecimal("100.00"));
    assertThat(lower.row("330104").orElseThrow().score()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void targetScoresLinearlyBetweenGoalpostsAndClamps() {
    Scheme target =
        named("goalposts")
            .normalisation(Normalisation.TARGET)
            .indicator(
                Indicator.RESOLUTION_RATE, 1, Direction.HIGHER_BETTER, new Goalposts(0.6, 1.0))
            .indicator(Indicator.OVERDUE_RATE, 1, Direction.LOWER_BETTER, new Goalposts(0.0, 0.2))
            .build();
    // 330101: 办结率 0.5 → 0, 超时 2/20 = 0.1 → 50;  330102: 0.75 → 37.5, 9/30 = 0.3 → 0
    // 330103: 1.0 → 100, 0/40 → 100
    LeagueTable table =
        table(
            target,
            List.of(
                figures("330101", 40, 20, 2, 0, 0, 0),
                figures("330102", 40, 30, 9, 0, 0, 0),
                figures("330103", 40, 40, 0, 0, 0, 0)));

    assertScores(table)
        .containsExactly(
            tuple("330103", new BigDecimal("100.00")),
            tuple("330101", new BigDecimal("25.00")),
            tuple("330102", new BigDecimal("18.75")));
  }

  @Test
  void everyRelativeMethodGivesAllHundredWithoutSpreadAndZeroForAMissingValue() {
    List<TenantFigures> flat =
        List.of(
            figures("330101", 40, 30, 0, 0, 10, 8),
            figures("330102", 40, 30, 0, 0, 20, 16),
            figures("330103", 40, 30, 0, 0, 0, 0));
    for (Normalisation method :
        List.of(Normalisation.MIN_MAX, Normalisation.Z_SCORE, Normalisation.PERCENTILE_RANK)) {
      Scheme scheme =
          named("flat")
              .normalisation(method)
              .indicator(Indicator.SATISFACTION_RATE, 1, Direction.HIGHER_BETTER)
              .build();

      assertScores(table(scheme, flat))
          .as(method.wireName())
          .containsExactly(
              tuple("330101", new BigDecimal("100.00")),
              tuple("330102", new BigDecimal("100.00")),
              tuple("330103", new BigDecimal("0.00")));
    }
  }

  private static Scheme scheme(Normalisation normalisation, Direction direction) {
    return named("method")
        .normalisation(normalisation)
        .indicator(Indicator.RESOLUTION_RATE, 1, direction)
        .build();
  }
}
