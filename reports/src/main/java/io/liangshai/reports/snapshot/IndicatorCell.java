package io.liangshai.reports.snapshot;

import io.liangshai.core.evaluation.IndicatorValue;
import java.math.BigDecimal;

/**
 * One member's value of a defined indicator (SPEC §7) as published in its league-table column.
 *
 * @param numerator n of a ratio (case or reported); null for a mean or a bare value
 * @param denominator d of a ratio; null for a mean or a bare value
 * @param cases the closed cases a {@code case_mean_days} value averages; null otherwise
 * @param value n/d of a ratio, the mean days of a {@code case_mean_days}, or the bare reported
 *     value; null when there is none (d = 0, no closed case, nothing reported)
 */
public record IndicatorCell(Long numerator, Long denominator, Long cases, BigDecimal value) {

  public static IndicatorCell of(IndicatorValue v) {
    Number value = v.value();
    return new IndicatorCell(
        v.numerator(),
        v.denominator(),
        v.cases(),
        value == null
            ? null
            : value instanceof BigDecimal d ? d : BigDecimal.valueOf(value.doubleValue()));
  }

  /** Whether the value is a ratio n/d (shown in percent); not a property of the JSON. */
  public boolean ratio() {
    return numerator != null;
  }

  /** Whether the value is a mean handling time in days. */
  public boolean meanDays() {
    return numerator == null && cases != null;
  }
}
