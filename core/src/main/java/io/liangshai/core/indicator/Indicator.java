package io.liangshai.core.indicator;

import io.liangshai.core.record.WireNamed;
import java.util.Optional;

/**
 * The indicators of SPEC §3 under their wire names, in the order of the SPEC table. A rate names
 * the counts it divides; the others are counts.
 */
public enum Indicator implements WireNamed {
  /** Cases received in the period (cohort by {@code received_at}). */
  RECEIVED,
  /** Of those, cases whose status is closed. */
  CLOSED,
  /** 办结率: closed / received. */
  RESOLUTION_RATE(CLOSED, RECEIVED),
  /** Closed cases with {@code closed_at > deadline}. */
  OVERDUE_CLOSED,
  /** 超时办结率: overdue_closed / closed. */
  OVERDUE_RATE(OVERDUE_CLOSED, CLOSED),
  /** Cases not closed whose deadline is before the time of the query. */
  OVERDUE_OPEN,
  /** Cases preceded by a closed case of the same enterprise and category within 90 days. */
  RECURRENCES,
  /** 重发复发率: recurrences / received. */
  RECURRENCE_RATE(RECURRENCES, RECEIVED),
  /** Cases with a satisfaction rating. */
  RATED,
  /** Cases rated very satisfied, satisfied or basically satisfied. */
  SATISFIED,
  /** 满意率: satisfied / rated. */
  SATISFACTION_RATE(SATISFIED, RATED),
  /** Cases rated dissatisfied or very dissatisfied. */
  DISSATISFIED,
  /** 二次交办: cases with {@code reassigned_count ≥ 1}. */
  REASSIGNED,
  /** 领导批示件: cases with {@code leader_instructed}. */
  LEADER_INSTRUCTED,
  /** Cases handled above county level. */
  ESCALATED;

  private final Indicator numerator;
  private final Indicator denominator;

  Indicator() {
    this(null, null);
  }

  Indicator(Indicator numerator, Indicator denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public boolean isRate() {
    return numerator != null;
  }

  /** For a rate, the count it divides; throws for a count. */
  public Indicator numerator() {
    requireRate();
    return numerator;
  }

  /** For a rate, the count it divides by; throws for a count. */
  public Indicator denominator() {
    requireRate();
    return denominator;
  }

  /** The indicator called {@code wireName}, if any. */
  public static Optional<Indicator> byWireName(String wireName) {
    return WireNamed.parse(Indicator.class, wireName);
  }

  private void requireRate() {
    if (!isRate()) {
      throw new IllegalStateException(wireName() + " is a count, not a rate");
    }
  }
}
