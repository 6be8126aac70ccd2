package io.liangshai.core.indicator;

import io.liangshai.core.record.CaseStatus;
import java.time.Instant;

/**
 * When a case is overdue (SPEC §3), the one definition: {@code overdue_closed} — closed with {@code
 * closed_at > deadline}, so a case closed at the deadline instant is in time — and {@code
 * overdue_open} — neither closed nor withdrawn, with a deadline before the time of the query. The
 * deadline is the effective one: the given deadline, or the derived one when a case has none.
 * Instants carry no time zone, so neither does the rule. Warehouse's {@code OverdueSql} is the same
 * rule over {@code case_facts}' columns, checked equal to this one in a real ClickHouse.
 */
public final class OverdueRule {

  private OverdueRule() {}

  /** 超时办结: closed, and after its deadline. */
  public static boolean isClosedLate(CaseStatus status, Instant closedAt, Instant deadline) {
    return status == CaseStatus.CLOSED && closedAt.isAfter(deadline);
  }

  /** Counts towards {@code overdue_open} at {@code now}: still open, deadline before now. */
  public static boolean isOpenPastDeadline(CaseStatus status, Instant deadline, Instant now) {
    return status != CaseStatus.CLOSED && status != CaseStatus.WITHDRAWN && deadline.isBefore(now);
  }

  /** The drill-down's "overdue" at {@code now}: closed late, or open past its deadline. */
  public static boolean isOverdueAt(
      CaseStatus status, Instant closedAt, Instant deadline, Instant now) {
    return isClosedLate(status, closedAt, deadline) || isOpenPastDeadline(status, deadline, now);
  }
}
