package io.liangshai.core.ranking;

import io.liangshai.core.evaluation.IndicatorValue;
import java.util.Objects;

/**
 * A tenant's value of an indicator other than the four built-in rates (SPEC §7) for the period
 * being ranked, with what its interval is drawn from.
 *
 * @param value a ratio (case or reported n/d), a mean ({@code case_mean_days}) or a bare value
 * @param observations what the bootstrap interval of a mean or a bare value resamples: each closed
 *     matching case's duration in days, or each month's bare value; empty for a ratio
 */
public record IndicatorFigure(IndicatorValue value, double[] observations) {

  public IndicatorFigure {
    Objects.requireNonNull(value, "value");
    observations = observations == null ? new double[0] : observations.clone();
  }

  /** A ratio, whose interval is Wilson's from its numerator and denominator. */
  public static IndicatorFigure ratio(IndicatorValue value) {
    return new IndicatorFigure(value, new double[0]);
  }

  /** The value as a double; NaN when there is none. */
  double asDouble() {
    Number v = value.value();
    return v == null ? Double.NaN : v.doubleValue();
  }
}
