package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.indicator.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A league table over indicator codes other than the built-in rates (SPEC §7). */
class CustomIndicatorsTest {

  private static final Scheme MIXED =
      RankingFixtures.named("mixed")
          .indicator(Indicator.RESOLUTION_RATE, 1, Direction.HIGHER_BETTER)
          .indicator(new SchemeIndicator("share", 1, Direction.HIGHER_BETTER, null))
          .indicator(new SchemeIndicator("days", 2, Direction.LOWER_BETTER, null))
          .build();

  private static TenantFigures tenant(
      String code, long closed, long x, long n, String days, double... durations) {
    TenantFigures base = RankingFixtures.resolution(code, 40, closed);
    IndicatorValue mean =
        days == null
            ? IndicatorValue.meanDays(java.math.BigInteger.ZERO, 0)
            : new IndicatorValue(null, null, (long) durations.length, new BigDecimal(days));
    return new TenantFigures(
        code,
        base.indicators(),
        Map.of(
            "share",
            IndicatorFigure.ratio(IndicatorValue.ratio(x, n)),
            "days",
            new IndicatorFigure(mean, durations)));
  }

  private static List<TenantFigures> group() {
    return List.of(
        tenant("a", 30, 8, 10, "2", 1, 2, 3),
        tenant("b", 20, 2, 10, "4", 3, 4, 5),
        tenant("c", 40, 5, 10, null));
  }

  @Test
  void scoresEveryCodeInItsDirectionAndMissingMeansScoreZero() {
    LeagueTable table = RankingFixtures.table(MIXED, group());

    LeagueRow a = table.row("a").orElseThrow();
    LeagueRow c = table.row("c").orElseThrow();
    assertThat(a.customScores())
        .containsExactly(Map.entry("share", 100.0), Map.entry("days", 100.0));
    assertThat(c.customScores()).containsEntry("days", 0.0);
    assertThat(c.customScores().get("share"))
        .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    // a: (1·50 + 1·100 + 2·100) / 4; c: (1·100 + 1·50 + 2·0) / 4
    assertThat(a.score()).isEqualByComparingTo("87.50");
    assertThat(c.score()).isEqualByComparingTo("37.50");
    assertThat(table.pooledCustom()).containsOnly(Map.entry("share", 15.0 / 30));
  }

  @Test
  void givesRatiosWilsonAndFunnelAndMeansABootstrapWithoutFunnel() {
    LeagueTable table =
        LeagueTable.compute(MIXED, group(), Map.of(), RobustnessSettings.defaults());

    IndicatorDetail share = table.row("a").orElseThrow().custom().get("share");
    assertThat(share.wilson()).isEqualTo(Wilson.interval95(8, 10));
    assertThat(share.funnel()).isEqualTo(FunnelPlot.signal(8, 10, 0.5, Direction.HIGHER_BETTER));
    assertThat(share.bootstrap()).isNull();
    IndicatorDetail days = table.row("b").orElseThrow().custom().get("days");
    assertThat(days.funnel()).isNull();
    assertThat(days.wilson()).isNull();
    assertThat(days.bootstrap().lower()).isBetween(3.0, 4.0);
    assertThat(days.bootstrap().upper()).isBetween(4.0, 5.0);
    assertThat(table.row("c").orElseThrow().custom().get("days").bootstrap()).isNull();
    assertThat(table.row("a").orElseThrow().rankInterval()).isNotNull();
  }

  @Test
  void theBootstrapDoesNotDependOnTheOrderOfTheTenants() {
    List<TenantFigures> shuffled = new ArrayList<>(group());
    Collections.reverse(shuffled);
    LeagueTable one = LeagueTable.compute(MIXED, group(), Map.of(), RobustnessSettings.defaults());
    LeagueTable two = LeagueTable.compute(MIXED, shuffled, Map.of(), RobustnessSettings.defaults());
    for (String t : List.of("a", "b", "c")) {
      assertThat(two.row(t).orElseThrow().custom().get("days").bootstrap())
          .isEqualTo(one.row(t).orElseThrow().custom().get("days").bootstrap());
      assertThat(two.row(t).orElseThrow().rankInterval())
          .isEqualTo(one.row(t).orElseThrow().rankInterval());
    }
  }

  @Test
  void aTenantWithoutAValueOfASchemeCodeIsAnErrorNamingBoth() {
    List<TenantFigures> tenants = List.of(group().get(0), RankingFixtures.resolution("z", 40, 10));
    assertThatThrownBy(() -> RankingFixtures.table(MIXED, tenants))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value of indicator share for z");
  }

  @Test
  void rejectsACodeThatIsNoCodeAndUnitGoalpostsOnABuiltInRate() {
    assertThatThrownBy(() -> new SchemeIndicator("Days!", 1, Direction.LOWER_BETTER, null))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessageStartingWith("rate: must be an indicator code");
    assertThatThrownBy(
            () ->
                new SchemeIndicator(
                    Indicator.OVERDUE_RATE, 1, Direction.LOWER_BETTER, Goalposts.inUnits(0, 5)))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessageStartingWith("goalposts: of overdue_rate must be rates from 0 to 1");
    assertThat(Goalposts.inUnits(1, 30).score(10, Direction.LOWER_BETTER))
        .isEqualTo(100.0 * 20 / 29);
  }
}
