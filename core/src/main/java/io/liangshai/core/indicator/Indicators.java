package io.liangshai.core.indicator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every indicator of SPEC §3 for one tenant and period: the counts, {@code overdue_open} at the
 * time of the query, and the four rates, each null when its denominator is 0. A city's or the
 * province's indicators come from summed counts, never from averaged rates.
 */
public record Indicators(IndicatorCounts counts, long overdueOpen) {

  public Indicators {
    Objects.requireNonNull(counts, "counts");
  }

  /** 办结率: closed / received. */
  public Double resolutionRate() {
    return rate(Indicator.RESOLUTION_RATE);
  }

  /** 超时办结率: overdue_closed / closed. */
  public Double overdueRate() {
    return rate(Indicator.OVERDUE_RATE);
  }

  /** 重发复发率: recurrences / received. */
  public Double recurrenceRate() {
    return rate(Indicator.RECURRENCE_RATE);
  }

  /** 满意率: satisfied / rated. */
  public Double satisfactionRate() {
    return rate(Indicator.SATISFACTION_RATE);
  }

  /** The count called {@code indicator}, {@code overdue_open} included; throws for a rate. */
  public long count(Indicator indicator) {
    if (indicator.isRate()) {
      throw new IllegalArgumentException(indicator.wireName() + " is a rate, not a count");
    }
    return indicator == Indicator.OVERDUE_OPEN ? overdueOpen : counts.get(indicator);
  }

  /** The rate called {@code indicator}, or null when its denominator is 0. */
  public Double rate(Indicator indicator) {
    long denominator = count(indicator.denominator());
    return denominator == 0 ? null : (double) count(indicator.numerator()) / denominator;
  }

  /** A count as {@link Long}, or a rate as {@link Double} (null when undefined). */
  public Number value(Indicator indicator) {
    if (indicator.isRate()) {
      return rate(indicator);
    }
    return count(indicator);
  }

  /** Every indicator by wire name, in SPEC order; undefined rates map to null. */
  public Map<String, Number> toMap() {
    Map<String, Number> values = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      values.put(indicator.wireName(), value(indicator));
    }
    return Collections.unmodifiableMap(values);
  }
}
