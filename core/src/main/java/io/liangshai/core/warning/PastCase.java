package io.liangshai.core.warning;

import io.liangshai.core.indicator.OverdueRule;
import io.liangshai.core.record.CaseStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A case whose deadline has passed, as a learned risk model trains on it: the case as the warnings
 * list would have shown it while open, its status and when it was closed.
 *
 * @param openCase what the case looked like while it was open (its latest version's fields)
 * @param status the latest version's status (never {@code withdrawn}: those have no outcome)
 * @param closedAt when it was closed, null unless {@code status} is {@code closed}
 */
public record PastCase(OpenCase openCase, CaseStatus status, Instant closedAt) {

  public PastCase {
    Objects.requireNonNull(openCase, "openCase");
    Objects.requireNonNull(status, "status");
    if (status == CaseStatus.WITHDRAWN) {
      throw new IllegalArgumentException("a withdrawn case has no outcome: " + openCase.caseId());
    }
    if ((status == CaseStatus.CLOSED) != (closedAt != null)) {
      throw new IllegalArgumentException(
          "closedAt must be given exactly when the case is closed: " + openCase.caseId());
    }
  }

  /**
   * Whether the case missed its deadline, as known at {@code horizon} (after the deadline): closed
   * after it, or still open past it — {@link OverdueRule}'s {@code overdue_closed} and {@code
   * overdue_open}.
   */
  public boolean missed(Instant horizon) {
    return OverdueRule.isOverdueAt(status, closedAt, openCase.deadline(), horizon);
  }

  /** Whether the case was open at {@code instant}: received by then and not yet closed. */
  public boolean openAt(Instant instant) {
    return !openCase.receivedAt().isAfter(instant)
        && (closedAt == null || closedAt.isAfter(instant));
  }
}
