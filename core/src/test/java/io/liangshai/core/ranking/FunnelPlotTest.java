package io.liangshai.core.ranking;

import static io.liangshai.core.ranking.Direction.HIGHER_BETTER;
import static io.liangshai.core.ranking.Direction.LOWER_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** p₀ = 0.5, n = 100: 95% limits 0.5 ± 0.0979982, 99.8% limits 0.5 ± 0.1545116. */
class FunnelPlotTest {

  @Test
  void drawsLimitsAtZTimesTheBinomialStandardError() {
    assertThat(FunnelPlot.limits(0.5, 100, FunnelPlot.Z95).lower())
        .isCloseTo(0.4020018, within(1e-12));
    assertThat(FunnelPlot.limits(0.5, 100, FunnelPlot.Z998).upper())
        .isCloseTo(0.6545116, within(1e-12));
  }

  /** Just inside and just outside each limit, both ways round. */
  @ParameterizedTest(name = "{0} of 100, {1} → {2}")
  @CsvSource({
    "60, HIGHER_BETTER, ABOVE",
    "59, HIGHER_BETTER, WITHIN",
    "41, HIGHER_BETTER, WITHIN",
    "40, HIGHER_BETTER, BELOW",
    "35, HIGHER_BETTER, BELOW",
    "34, HIGHER_BETTER, ALARM",
    "40, LOWER_BETTER, ABOVE",
    "41, LOWER_BETTER, WITHIN",
    "59, LOWER_BETTER, WITHIN",
    "60, LOWER_BETTER, BELOW",
    "65, LOWER_BETTER, BELOW",
    "66, LOWER_BETTER, ALARM"
  })
  void placesRatesJustInsideAndOutsideEachLimit(
      long numerator, Direction direction, FunnelSignal expected) {
    assertThat(FunnelPlot.signal(numerator, 100, 0.5, direction)).isEqualTo(expected);
  }

  @Test
  void widensForSmallTenants() {
    // 4 of 10 is far below 0.5 for n = 100 but within the funnel for n = 10
    assertThat(FunnelPlot.signal(4, 10, 0.5, HIGHER_BETTER)).isEqualTo(FunnelSignal.WITHIN);
  }

  @Test
  void givesNoSignalWithoutADenominatorOrAPooledRate() {
    assertThat(FunnelPlot.signal(0, 0, 0.5, HIGHER_BETTER)).isNull();
    assertThat(FunnelPlot.signal(3, 10, null, HIGHER_BETTER)).isNull();
  }

  @Test
  void treatsADegeneratePooledRateByItsCollapsedLimits() {
    assertThat(FunnelPlot.signal(0, 10, 0.0, LOWER_BETTER)).isEqualTo(FunnelSignal.WITHIN);
    assertThat(FunnelPlot.signal(1, 10, 0.0, LOWER_BETTER)).isEqualTo(FunnelSignal.ALARM);
  }
}
