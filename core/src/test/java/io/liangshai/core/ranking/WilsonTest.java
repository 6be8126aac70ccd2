package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

  private static final double Z2 = Wilson.Z95 * Wilson.Z95;

  @Test
  void startsAtZeroAndReachesZSquaredOverNPlusZSquaredWhenNothingHappened() {
    Interval interval = Wilson.interval95(0, 10);

    assertThat(interval.lower()).isEqualTo(0.0);
    assertThat(interval.upper()).isCloseTo(Z2 / (10 + Z2), within(1e-15));
    assertThat(interval.upper()).isCloseTo(0.27753, within(1e-5));
  }

  @Test
  void endsAtOneAndStartsAtNOverNPlusZSquaredWhenEverythingHappened() {
    Interval interval = Wilson.interval95(25, 25);

    assertThat(interval.upper()).isEqualTo(1.0);
    assertThat(interval.lower()).isCloseTo(25 / (25 + Z2), within(1e-15));
  }

  @Test
  void matchesThePublishedIntervalForFiveOfTen() {
    Interval interval = Wilson.interval95(5, 10);

    assertThat(interval.lower()).isCloseTo(0.23659, within(1e-5));
    assertThat(interval.upper()).isCloseTo(0.76341, within(1e-5));
  }

  @Test
  void isNullWithoutADenominator() {
    assertThat(Wilson.interval95(0, 0)).isNull();
  }

  @Test
  void rejectsMoreEventsThanTrials() {
    assertThatThrownBy(() -> Wilson.interval95(3, 2))
        .hasMessage("expected 0 ≤ x ≤ n, found x=3, n=2");
  }
}
