package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.RankingFixtures.assertHandTable;
import static io.liangshai.core.ranking.RankingFixtures.figures;
import static io.liangshai.core.ranking.RankingFixtures.resolution;
import static io.liangshai.core.ranking.RankingFixtures.single;
import static io.liangshai.core.ranking.RankingFixtures.table;
import static io.liangshai.core.ranking.RankingFixtures.weighing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.indicator.Indicator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of SPEC §4 on a table small enough to compute by hand. */
class LeagueTableTest {

  private static final Scheme RESOLUTION =
      single(Indicator.RESOLUTION_RATE, Direction.HIGHER_BETTER);

  /**
   * The hand-computed tables that need no more than a scheme of one rate: each row names the rule
   * of SPEC §4 its table shows.
   */
  @ParameterizedTest(name = "{3} ({2})")
  @CsvSource({
    "RESOLUTION_RATE, HIGHER_BETTER, ties, shares ranks on equal scores and lists ties by tenant code",
    "RESOLUTION_RATE, HIGHER_BETTER, max-equals-min, scores every tenant 100 when max equals min",
    "OVERDUE_RATE, LOWER_BETTER, lower-better, scores lower-better rates from the maximum down",
    "RESOLUTION_RATE, HIGHER_BETTER, rounded-ranks, ranks on the rounded score",
  })
  void scoresAndRanksASingleRateTableAsComputedByHand(
      Indicator rate, Direction direction, String table, String rule) {
    assertHandTable(single(rate, direction), table);
  }

  @Test
  void scoresANullRateZeroAndLeavesItOutOfMinAndMax() {
    Scheme scheme =
        weighing("two", Indicator.RESOLUTION_RATE, 0.5, Indicator.SATISFACTION_RATE, 0.5).build();

    LeagueRow nullRate = assertHandTable(scheme, "null-rate").row("330102").orElseThrow();
    assertThat(nullRate.rate(Indicator.SATISFACTION_RATE).value()).isNull();
    assertThat(nullRate.indicatorScores())
        .containsExactly(
            Map.entry(Indicator.RESOLUTION_RATE, 100.0),
            Map.entry(Indicator.SATISFACTION_RATE, 0.0));
  }

  @Test
  void listsIneligibleTenantsLastUnrankedWithTheReason() {
    LeagueTable table = assertHandTable(RESOLUTION, "ineligible-last");

    LeagueRow small = table.row("330109").orElseThrow();
    assertThat(small.ineligibleReason()).isEqualTo("received 12 < minimum 20");
    assertThat(small.indicatorScores()).isEmpty();
    assertThat(small.rankChange()).isNull();
    assertThat(small.rate(Indicator.RESOLUTION_RATE).value()).isEqualTo(0.0);
    assertThat(small.rate(Indicator.RESOLUTION_RATE).wilson()).isNotNull();
    assertThat(table.row("330102").orElseThrow().ineligibleReason()).isNull();
  }

  @Test
  void leavesIneligibleTenantsOutOfNormalisationAndThePooledRate() {
    LeagueTable table = assertHandTable(RESOLUTION, "ineligible-outside-normalisation");

    assertThat(table.pooledRates()).containsEntry(Indicator.RESOLUTION_RATE, 90.0 / 120);
  }

  @Test
  void appliesACustomSchemesWeightsAndMinimumVolume() {
    Scheme custom =
        weighing("custom", Indicator.RESOLUTION_RATE, 2, Indicator.RECURRENCE_RATE, 1)
            .minimumVolume(10)
            .build();

    assertThat(assertHandTable(custom, "custom-weights").row("330104").orElseThrow())
        .extracting(LeagueRow::ineligibleReason)
        .isEqualTo("received 9 < minimum 10");
  }

  @Test
  void roundsTheScoreHalfUp() {
    Scheme sixteenths =
        weighing("sixteenths", Indicator.RESOLUTION_RATE, 1, Indicator.RECURRENCE_RATE, 15).build();

    assertHandTable(sixteenths, "half-up");
  }

  @Test
  void carriesThePreviousRankAndTheChange() {
    LeagueTable table =
        LeagueTable.compute(
            RESOLUTION,
            List.of(
                resolution("330101", 40, 40),
                resolution("330102", 40, 30),
                resolution("330103", 40, 20),
                resolution("330109", 5, 5)),
            Map.of("330101", 3, "330102", 1, "330109", 4),
            RobustnessSettings.none());

    assertThat(table.rows())
        .extracting(
            LeagueRow::tenant, LeagueRow::rank, LeagueRow::previousRank, LeagueRow::rankChange)
        .containsExactly(
            tuple("330101", 1, 3, 2),
            tuple("330102", 2, 1, -1),
            tuple("330103", 3, null, null),
            tuple("330109", null, 4, null));
  }

  @Test
  void givesEveryRateItsWilsonIntervalAndFunnelSignalEvenOutsideTheScheme() {
    LeagueTable table =
        table(
            RESOLUTION,
            List.of(figures("330101", 40, 30, 3, 2, 10, 9), figures("330102", 40, 20, 0, 0, 0, 0)));

    LeagueRow row = table.row("330102").orElseThrow();
    assertThat(row.rates().keySet())
        .containsExactly(
            Indicator.RESOLUTION_RATE,
            Indicator.OVERDUE_RATE,
            Indicator.RECURRENCE_RATE,
            Indicator.SATISFACTION_RATE);
    RateDetail satisfaction = row.rate(Indicator.SATISFACTION_RATE);
    assertThat(satisfaction.denominator()).isZero();
    assertThat(satisfaction.wilson()).isNull();
    assertThat(satisfaction.funnel()).isNull();
    assertThat(satisfaction.shrunk()).isNull();
    RateDetail overdue = row.rate(Indicator.OVERDUE_RATE);
    assertThat(overdue.value()).isEqualTo(0.0);
    assertThat(overdue.wilson().lower()).isEqualTo(0.0);
    assertThat(overdue.funnel()).isEqualTo(FunnelSignal.WITHIN);
    assertThat(table.pooledRates())
        .containsEntry(Indicator.OVERDUE_RATE, 3.0 / 50)
        .containsEntry(Indicator.SATISFACTION_RATE, 0.9);
  }

  /**
   * Signals against the pooled rate of the eligible tenants only: the tested tenant (100 received)
   * is too small to rank, so p₀ = 0.5 comes from 330100 (2000 received, 1000 closed, 500 overdue),
   * the only tenant large enough (1000) under the standard scheme; lower-better rates the other way
   * round.
   */
  @ParameterizedTest(name = "{0} of {1}: {2} closed, {3} overdue → {4}")
  @CsvFileSource(resources = "/io/liangshai/core/ranking/funnel-signals.csv", numLinesToSkip = 1)
  void signalsAgainstThePooledRateOfTheEligibleTenants(
      Indicator rate, String tenant, long closed, long overdueClosed, FunnelSignal signal) {
    LeagueTable table =
        table(
            Scheme.standard().toBuilder().minimumVolume(1000).build(),
            List.of(
                figures("330100", 2000, 1000, 500, 0, 0, 0),
                figures(tenant, 100, closed, overdueClosed, 0, 0, 0)));

    assertThat(table.pooledRates()).containsEntry(rate, 0.5);
    assertThat(table.row("330100").orElseThrow().rate(rate).funnel())
        .isEqualTo(FunnelSignal.WITHIN);
    assertThat(table.row(tenant).orElseThrow().rate(rate).funnel()).isEqualTo(signal);
  }

  @Test
  void followsTheSchemesDirectionForTheFunnel() {
    Scheme reversed = single(Indicator.RESOLUTION_RATE, Direction.LOWER_BETTER);
    Scheme large = reversed.toBuilder().minimumVolume(1000).build();
    LeagueTable table =
        table(large, List.of(resolution("330100", 2000, 1000), resolution("330160", 100, 60)));

    assertThat(table.row("330160").orElseThrow().rate(Indicator.RESOLUTION_RATE).funnel())
        .isEqualTo(FunnelSignal.BELOW);
  }

  @Test
  void rejectsATenantListedTwice() {
    assertThatThrownBy(
            () ->
                table(
                    RESOLUTION,
                    List.of(resolution("330101", 40, 20), resolution("330101", 40, 30))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant 330101 is listed twice");
  }

  @Test
  void rejectsANumeratorAboveItsDenominator() {
    assertThatThrownBy(() -> resolution("330101", 10, 11))
        .hasMessage("resolution_rate of 330101: expected 0 ≤ closed ≤ received, found 11 of 10");
  }

  @Test
  void ranksNobodyWhenNobodyIsEligible() {
    LeagueTable table =
        LeagueTable.compute(RESOLUTION, List.of(resolution("330101", 5, 5)), Map.of());

    assertThat(table.rows()).extracting(LeagueRow::rank).containsExactly((Integer) null);
    assertThat(table.pooledRates()).containsEntry(Indicator.RESOLUTION_RATE, null);
    assertThat(table.row("330101").orElseThrow().rate(Indicator.RESOLUTION_RATE).funnel()).isNull();
    assertThat(table.weightSensitivity()).isNull();
  }
}
