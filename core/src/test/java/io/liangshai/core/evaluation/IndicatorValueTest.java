package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.ranking.Direction;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

  private static final long DAY = 86_400_000_000L;

  @Test
  void meanDaysIsTheSumOverTheCasesRoundedHalfUpToFourPlaces() {
    // 3 cases, 1 day + 1 day + 1 day 0.00015 days: mean 1.00005 → 1.0001 (half-up)
    BigInteger sum = BigInteger.valueOf(3 * DAY + 15 * DAY / 100_000);
    assertThat(IndicatorValue.meanDays(sum, 3).decimal()).isEqualTo(new BigDecimal("1.0001"));
    // just below the half: 1.000049… → 1.0000
    assertThat(IndicatorValue.meanDays(sum.subtract(BigInteger.ONE), 3).decimal())
        .isEqualTo(new BigDecimal("1.0000"));
    // 1 microsecond over 7 cases
    assertThat(IndicatorValue.meanDays(BigInteger.ONE, 7).decimal())
        .isEqualTo(new BigDecimal("0.0000"));
    // beyond a long: exact all the same
    BigInteger huge = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN);
    assertThat(IndicatorValue.meanDays(huge, 10).decimal())
        .isEqualTo(
            new BigDecimal(Long.MAX_VALUE)
                .divide(BigDecimal.valueOf(DAY), 4, java.math.RoundingMode.HALF_UP));
  }

  @Test
  void withoutCasesThereIsNoValue() {
    IndicatorValue none = IndicatorValue.meanDays(BigInteger.ZERO, 0);
    assertThat(none.value()).isNull();
    assertThat(none.cases()).isZero();
    assertThat(IndicatorValue.ratio(0, 0).value()).isNull();
    assertThat(IndicatorValue.ratio(0, 0).met(BigDecimal.ONE, Direction.HIGHER_BETTER)).isNull();
  }

  @Test
  void aRatioIsNOverD() {
    assertThat(IndicatorValue.ratio(1, 4).value()).isEqualTo(0.25);
    assertThat(IndicatorValue.ratio(0, 4).value()).isEqualTo(0.0);
  }

  @Test
  void metComparesARatioExactlyWithTheTarget() {
    BigDecimal target = new BigDecimal("0.9");
    assertThat(IndicatorValue.ratio(9, 10).met(target, Direction.HIGHER_BETTER)).isTrue();
    assertThat(IndicatorValue.ratio(899, 1000).met(target, Direction.HIGHER_BETTER)).isFalse();
    assertThat(IndicatorValue.ratio(9, 10).met(target, Direction.LOWER_BETTER)).isTrue();
    assertThat(IndicatorValue.ratio(901, 1000).met(target, Direction.LOWER_BETTER)).isFalse();
    // 0.7 is not a double: 7/10 ≥ 0.7 exactly all the same
    assertThat(IndicatorValue.ratio(7, 10).met(new BigDecimal("0.7"), Direction.HIGHER_BETTER))
        .isTrue();
    assertThat(IndicatorValue.ratio(7, 10).met(null, Direction.HIGHER_BETTER)).isNull();
  }

  @Test
  void metComparesADecimalWithTheTarget() {
    IndicatorValue days = IndicatorValue.bare(new BigDecimal("3.5000"));
    assertThat(days.met(new BigDecimal("3.5"), Direction.LOWER_BETTER)).isTrue();
    assertThat(days.met(new BigDecimal("3.4999"), Direction.LOWER_BETTER)).isFalse();
    assertThat(days.met(new BigDecimal("3.4999"), Direction.HIGHER_BETTER)).isTrue();
    assertThat(IndicatorValue.NONE.met(BigDecimal.ONE, Direction.LOWER_BETTER)).isNull();
  }
}
