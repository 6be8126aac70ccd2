package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.RankingFixtures.assertHandTable;
import static io.liangshai.core.ranking.RankingFixtures.handTable;
import static io.liangshai.core.ranking.RankingFixtures.named;
import static io.liangshai.core.ranking.RankingFixtures.resolution;
import static io.liangshai.core.ranking.RankingFixtures.table;
import static io.liangshai.core.ranking.RankingFixtures.tenants;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The normalisations other than SPEC's min-max, on tables computed by hand. */
class NormalisationTest {

  @Test
  void zScoreScoresFiftyPlusTenTimesZ() {
    assertHandTable(scheme(Normalisation.Z_SCORE, Direction.HIGHER_BETTER), "z-score");
  }

  @Test
  void zScoreMirrorsLowerBetterAndClampsToZeroToHundred() {
    LeagueTable mirrored =
        table(scheme(Normalisation.Z_SCORE, Direction.LOWER_BETTER), tenants(handTable("z-score")));
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
    assertHandTable(
        scheme(Normalisation.PERCENTILE_RANK, Direction.HIGHER_BETTER), "percentile-rank");

    LeagueTable lower =
        table(
            scheme(Normalisation.PERCENTILE_RANK, Direction.LOWER_BETTER),
            tenants(handTable("percentile-rank")));
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

    assertHandTable(target, "goalposts");
  }

  @ParameterizedTest
  @EnumSource(names = {"MIN_MAX", "Z_SCORE", "PERCENTILE_RANK"})
  void everyRelativeMethodGivesAllHundredWithoutSpreadAndZeroForAMissingValue(
      Normalisation method) {
    Scheme scheme =
        named("flat")
            .normalisation(method)
            .indicator(Indicator.SATISFACTION_RATE, 1, Direction.HIGHER_BETTER)
            .build();

    assertHandTable(scheme, "no-spread");
  }

  private static Scheme scheme(Normalisation normalisation, Direction direction) {
    return named("method")
        .normalisation(normalisation)
        .indicator(Indicator.RESOLUTION_RATE, 1, direction)
        .build();
  }
}
