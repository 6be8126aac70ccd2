package io.liangshai.core.indicator;

import java.util.Optional;

/**
 * The indicators of SPEC §3 under their wire names, in the order of the SPEC table. A rate names
 * the counts it divides; the others are counts.
 */
public enum Indicator {
  /** Cases received in the period (cohort by {@code received_at}). */
  RECEIVED("received"),
  /** Of those, cases whose status is closed. */
  CLOSED("closed"),
  /** 办结率: closed / received. */
  RESOLUTION_RATE("resolution_rate", CLOSED, RECEIVED),
  /** Closed cases with {@code closed_at > deadline}. */
  OVERDUE_CLOSED("overdue_closed"),
  /** 超时办结率: overdue_closed / closed. */
  OVERDUE_RATE("overdue_rate", OVERDUE_CLOSED, CLOSED),
  /** Cases not closed whose deadline is before the time of the query. */
  OVERDUE_OPEN("overdue_open"),
  /** Cases preceded by a closed case of the same enterprise and category within 90 days. */
  RECURRENCES("recurrences"),
  /** 重发复发率: recurrences / received. */
  RECURRENCE_RATE("recurrence_rate", RECURRENCES, RECEIVED),
  /** Cases with a satisfaction rating. */
  RATED("rated"),
  /** Cases rated very satisfied, satisfied or basically satisfied. */
  SATISFIED("satisfied"),
  /** 满意率: satisfied / rated. */
  SATISFACTION_RATE("satisfaction_rate", SATISFIED, RATED),
  /** Cases rated dissatisfied or very dissatisfied. */
  DISSATISFIED("dissatisfied"),
  /** 二次交办: cases with {@code reassigned_count ≥ 1}. */
  REASSIGNED("reassigned"),
  /** 领导批示件: cases with {@code leader_instructed}. */
  LEADER_INSTRUCTED("leader_instructed"),
  /** Cases handled above county level. */
  ESCALATED("escalated");

  private final String wireName;
  private final Indicator numerator;
  private final Indicator denominator;

  Indicator(String wireName) {
    this(wireName, null, null);
  }

  Indicator(String wireName, Indicator numerator, Indicator denominator) {
    this.wireName = wireName;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The snake_case name used in the API, in ClickHouse and in expected-results files. */
  public String wireName() {
    return wireName;
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
    for (Indicator indicator : values()) {
      if (indicator.wireName.equals(wireName)) {
        return Optional.of(indicator);
      }
    }
    return Optional.empty();
  }

  private void requireRate() {
    if (!isRate()) {
      throw new IllegalStateException(wireName + " is a count, not a rate");
    }
  }
}
