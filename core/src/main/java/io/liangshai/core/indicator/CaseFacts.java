package io.liangshai.core.indicator;

import io.liangshai.core.lang.Required;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;

/**
 * What one case (its latest version) contributes to the indicators of the periods containing its
 * {@code received_at}: the time-independent counts, plus what is needed to tell at query time
 * whether it is overdue and still open. A withdrawn case contributes nothing.
 *
 * @param deadline the effective deadline: the given one, or the derived one
 */
public record CaseFacts(
    CaseKey key,
    Instant receivedAt,
    Instant deadline,
    CaseStatus status,
    IndicatorCounts contribution) {

  public CaseFacts {
    Required.nonNull(
        "key receivedAt deadline status contribution",
        key,
        receivedAt,
        deadline,
        status,
        contribution);
  }

  /**
   * The facts of {@code record}.
   *
   * @param recurrence whether {@link RecurrenceRule} found the case to be a recurrence
   * @param effectiveDeadline the record's given deadline, or the derived one
   */
  public static CaseFacts of(CaseRecord record, boolean recurrence, Instant effectiveDeadline) {
    IndicatorCounts contribution =
        record.isWithdrawn() ? IndicatorCounts.ZERO : count(record, recurrence, effectiveDeadline);
    return new CaseFacts(
        record.key(), record.receivedAt(), effectiveDeadline, record.status(), contribution);
  }

  private static IndicatorCounts count(CaseRecord r, boolean recurrence, Instant deadline) {
    boolean rated = r.satisfaction() != null;
    return new IndicatorCounts(
        1,
        one(r.isClosed()),
        one(OverdueRule.isClosedLate(r.status(), r.closedAt(), deadline)),
        one(recurrence),
        one(rated),
        one(rated && r.satisfaction().isSatisfied()),
        one(rated && r.satisfaction().isDissatisfied()),
        one(r.reassignedCount() >= 1),
        one(r.leaderInstructed()),
        one(r.escalationLevel().isEscalated()));
  }

  private static long one(boolean condition) {
    return condition ? 1 : 0;
  }

  /** Excluded from every count (撤件). */
  public boolean withdrawn() {
    return status == CaseStatus.WITHDRAWN;
  }

  /** Counts towards {@code overdue_open} at {@code now} ({@link OverdueRule}). */
  public boolean isOverdueOpenAt(Instant now) {
    return OverdueRule.isOpenPastDeadline(status, deadline, now);
  }

  /** The period of {@code kind} this case is counted in (by {@code received_at}). */
  public Period period(PeriodKind kind) {
    return Period.of(kind, receivedAt);
  }
}
