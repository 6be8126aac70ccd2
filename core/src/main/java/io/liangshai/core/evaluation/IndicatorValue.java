package io.liangshai.core.evaluation;

import io.liangshai.core.ranking.Direction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The value of one indicator for one tenant and period (SPEC §7), with what it was computed from: a
 * ratio's numerator and denominator, a mean's number of cases, or a bare reported value.
 *
 * @param numerator n of a ratio (case or reported); null for a mean or a bare value
 * @param denominator d of a ratio; null for a mean or a bare value
 * @param cases the closed cases a {@code case_mean_days} value averages; null otherwise
 * @param decimal the value of a mean or a bare value, null when there is none; null for a ratio
 */
public record IndicatorValue(Long numerator, Long denominator, Long cases, BigDecimal decimal) {

  /** Microseconds in a day: the unit of {@code case_mean_days}. */
  public static final BigDecimal MICROS_PER_DAY = BigDecimal.valueOf(86_400_000_000L);

  /** Places {@code case_mean_days} is rounded to, half-up. */
  public static final int MEAN_DAYS_SCALE = 4;

  /** The value of a case kind or bare reported indicator where there is nothing to count. */
  public static final IndicatorValue NONE = new IndicatorValue(null, null, null, null);

  public IndicatorValue {
    if ((numerator == null) != (denominator == null)) {
      throw new IllegalArgumentException("a ratio needs both numerator and denominator");
    }
    if (numerator != null && (numerator < 0 || denominator < 0)) {
      throw new IllegalArgumentException("negative count " + numerator + "/" + denominator);
    }
  }

  /** n/d, null when d = 0. */
  public static IndicatorValue ratio(long numerator, long denominator) {
    return new IndicatorValue(numerator, denominator, null, null);
  }

  /**
   * 平均办理时长: Σ durations / (86,400,000,000 · cases), in decimal, rounded half-up to 4 places; null
   * when there are no cases.
   *
   * @param sumMicros Σ({@code closed_at − received_at}) in whole microseconds
   */
  public static IndicatorValue meanDays(BigInteger sumMicros, long cases) {
    if (cases == 0) {
      return new IndicatorValue(null, null, 0L, null);
    }
    BigDecimal days =
        new BigDecimal(sumMicros)
            .divide(
                MICROS_PER_DAY.multiply(BigDecimal.valueOf(cases)),
                MEAN_DAYS_SCALE,
                RoundingMode.HALF_UP);
    return new IndicatorValue(null, null, cases, days);
  }

  /** A bare reported value (null when there is none). */
  public static IndicatorValue bare(BigDecimal value) {
    return new IndicatorValue(null, null, null, value);
  }

  /** Whether the value is a ratio n/d. */
  public boolean isRatio() {
    return numerator != null;
  }

  /** The value: n/d as a double for a ratio (null when d = 0), else the decimal (or null). */
  public Number value() {
    if (isRatio()) {
      return denominator == 0 ? null : (double) numerator / denominator;
    }
    return decimal;
  }

  /**
   * Whether the value meets {@code target} (SPEC §7): value ≥ target when higher is better, value ≤
   * target when lower is better; null when the value or the target is null. A ratio is compared
   * exactly (n against target · d), not through its rounded double.
   */
  public Boolean met(BigDecimal target, Direction direction) {
    if (target == null || value() == null) {
      return null;
    }
    int sign =
        isRatio()
            ? BigDecimal.valueOf(numerator)
                .compareTo(target.multiply(BigDecimal.valueOf(denominator)))
            : decimal.compareTo(target);
    return direction == Direction.HIGHER_BETTER ? sign >= 0 : sign <= 0;
  }
}
