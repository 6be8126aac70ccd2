package io.liangshai.core.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tenant's uploaded value of a {@code reported} indicator for one month: a fraction (0 ≤ n ≤ d,
 * d ≥ 1) or a bare value.
 */
public record ReportedValue(Long numerator, Long denominator, BigDecimal value) {

  public ReportedValue {
    if (value == null) {
      Objects.requireNonNull(numerator, "numerator");
      Objects.requireNonNull(denominator, "denominator");
      if (numerator < 0 || denominator < 1 || numerator > denominator) {
        throw new IllegalArgumentException(
            "expected 0 ≤ numerator ≤ denominator, denominator ≥ 1: "
                + numerator
                + "/"
                + denominator);
      }
    } else if (numerator != null || denominator != null) {
      throw new IllegalArgumentException("a bare value has no numerator or denominator");
    }
  }

  public static ReportedValue fraction(long numerator, long denominator) {
    return new ReportedValue(numerator, denominator, null);
  }

  public static ReportedValue bare(BigDecimal value) {
    return new ReportedValue(null, null, Objects.requireNonNull(value, "value"));
  }

  public ReportedForm form() {
    return value == null ? ReportedForm.FRACTION : ReportedForm.BARE;
  }

  /** The value as an indicator's value of its tenant and month. */
  public IndicatorValue toIndicatorValue() {
    return value == null
        ? IndicatorValue.ratio(numerator, denominator)
        : IndicatorValue.bare(value);
  }
}
