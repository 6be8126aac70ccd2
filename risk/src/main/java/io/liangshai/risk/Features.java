package io.liangshai.risk;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.PriorRiskModel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the learned model judges an open case on at an instant, one number each (methodology §13):
 * how much of its deadline window is used, the PRC working days left and the window's length in
 * working days, its category, channel and escalation level, how often it was handed on, whether a
 * leader gave an instruction, and its tenant's own past overdue share. Categories and channels are
 * their enum's ordinal: trees split them into groups of levels as they need.
 */
final class Features {

  static final int WINDOW_USED = 0;
  static final int WORKING_DAYS_LEFT = 1;
  static final int WINDOW_WORKING_DAYS = 2;
  static final int CATEGORY = 3;
  static final int CHANNEL = 4;
  static final int ESCALATION = 5;
  static final int REASSIGNED = 6;
  static final int LEADER = 7;
  static final int TENANT_SHARE = 8;

  /** The names, in the vector's order (XGBoost's feature names). */
  static final List<String> NAMES =
      List.of(
          "window_used",
          "working_days_left",
          "window_working_days",
          "category",
          "channel",
          "escalation",
          "reassigned",
          "leader_instructed",
          "tenant_overdue_share");

  static final int COUNT = NAMES.size();

  private final DeadlineClock clock;

  Features(DeadlineClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes the features of {@code c} at {@code at} into {@code row} from {@code offset}: {@code
   * workingDaysLeft} as {@link DeadlineClock#workingDaysLeft}, {@code tenantShare} the tenant's
   * past overdue share known at {@code at}.
   */
  void write(
      OpenCase c, Instant at, int workingDaysLeft, double tenantShare, float[] row, int offset) {
    row[offset + WINDOW_USED] = (float) PriorRiskModel.windowUsed(c, at);
    row[offset + WORKING_DAYS_LEFT] = workingDaysLeft;
    row[offset + WINDOW_WORKING_DAYS] = clock.workingDaysLeft(c.receivedAt(), c.deadline());
    row[offset + CATEGORY] = c.category().ordinal();
    row[offset + CHANNEL] = c.channel().ordinal();
    row[offset + ESCALATION] = c.escalationLevel().ordinal();
    row[offset + REASSIGNED] = c.reassignedCount();
    row[offset + LEADER] = c.leaderInstructed() ? 1 : 0;
    row[offset + TENANT_SHARE] = (float) tenantShare;
  }

  /** Working days left of {@code c} at {@code at}. */
  int workingDaysLeft(OpenCase c, Instant at) {
    return clock.workingDaysLeft(at, c.deadline());
  }
}
