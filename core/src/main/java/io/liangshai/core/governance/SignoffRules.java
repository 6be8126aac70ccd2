package io.liangshai.core.governance;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sign-off of a tenant's month (数据审核确认, SPEC §10): when it is due and which of the §3 counts moved
 * since ({@code overdue_open}, which depends on the time of the query, is not among them).
 */
public final class SignoffRules {

  /** As DHIS2's timeliness: signed off by the 5th PRC working day after the month. */
  public static final int DUE_WORKING_DAY = 5;

  /** The counts a sign-off holds, in the order of SPEC §3. */
  public static final List<Indicator> COUNTS =
      List.of(
          Indicator.RECEIVED,
          Indicator.CLOSED,
          Indicator.OVERDUE_CLOSED,
          Indicator.RECURRENCES,
          Indicator.RATED,
          Indicator.SATISFIED,
          Indicator.DISSATISFIED,
          Indicator.REASSIGNED,
          Indicator.LEADER_INSTRUCTED,
          Indicator.ESCALATED);

  private final WorkingDayCalendar calendar;

  public SignoffRules(WorkingDayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** One count that moved since the sign-off. */
  public record Change(Indicator count, long before, long after) {}

  /** The last day (Asia/Shanghai) a sign-off of {@code month} is on time. */
  public LocalDate due(Period month) {
    requireMonth(month);
    return calendar.plusWorkingDays(month.lastDay(), DUE_WORKING_DAY);
  }

  /** Whether a sign-off of {@code month} at {@code signedAt} is on time. */
  public boolean onTime(Period month, Instant signedAt) {
    return !signedAt.atZone(ChinaTime.ZONE).toLocalDate().isAfter(due(month));
  }

  /**
   * The counts that differ between {@code signed} and {@code now}, in the order of {@link #COUNTS}.
   */
  public static List<Change> changes(IndicatorCounts signed, IndicatorCounts now) {
    List<Change> changes = new ArrayList<>();
    for (Indicator c : COUNTS) {
      if (signed.get(c) != now.get(c)) {
        changes.add(new Change(c, signed.get(c), now.get(c)));
      }
    }
    return changes;
  }

  /** {@code period} must be a month. */
  public static Period requireMonth(Period period) {
    if (period.kind() != PeriodKind.MONTH) {
      throw new IllegalArgumentException("a month (2024-03), got " + period);
    }
    return period;
  }
}
