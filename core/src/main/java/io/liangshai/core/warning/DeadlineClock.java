package io.liangshai.core.warning;

import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * SPEC §8's deadline arithmetic on PRC working days in Asia/Shanghai: {@code working_days_left} and
 * the state of an open case at an instant. {@code overdue} is {@code OverdueRule}'s {@code
 * overdue_open}: deadline strictly before the instant.
 */
public final class DeadlineClock {

  /** The default and the bounds of {@code within}, in working days. */
  public static final int DEFAULT_WITHIN = 3;

  public static final int MAX_WITHIN = 60;

  private final WorkingDayCalendar calendar;

  public DeadlineClock(WorkingDayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * The working days d with date(asOf) &lt; d ≤ date(deadline); when the deadline's date is before
   * asOf's, minus the working days d with date(deadline) &lt; d ≤ date(asOf).
   */
  public int workingDaysLeft(Instant asOf, Instant deadline) {
    LocalDate from = date(asOf);
    LocalDate to = date(deadline);
    return from.isAfter(to) ? -between(to, from) : between(from, to);
  }

  /** The state at {@code asOf} of a case with {@code deadline}, {@code within} in [0, 60]. */
  public DeadlineState state(Instant asOf, Instant deadline, int within) {
    return state(asOf, deadline, workingDaysLeft(asOf, deadline), within);
  }

  /**
   * The state at {@code asOf} of a case with {@code deadline} whose {@link #workingDaysLeft} is
   * {@code left}: {@code overdue} iff the deadline is before asOf, {@code due_soon} iff not overdue
   * and {@code left ≤ within}.
   */
  public DeadlineState state(Instant asOf, Instant deadline, int left, int within) {
    checkWithin(within);
    if (deadline.isBefore(asOf)) {
      return DeadlineState.OVERDUE;
    }
    return left <= within ? DeadlineState.DUE_SOON : DeadlineState.ON_TRACK;
  }

  /**
   * The first date (Asia/Shanghai) whose deadlines are not {@code due_soon} at {@code asOf}: a case
   * not overdue is due soon iff its deadline's date is before it (the {@code within + 1}-th working
   * day after asOf's date). For SQL that counts the states without walking the calendar.
   */
  public LocalDate dueSoonBefore(Instant asOf, int within) {
    checkWithin(within);
    return calendar.plusWorkingDays(date(asOf), within + 1);
  }

  /** The date of {@code instant} in Asia/Shanghai. */
  public static LocalDate date(Instant instant) {
    return instant.atZone(ChinaTime.ZONE).toLocalDate();
  }

  private int between(LocalDate after, LocalDate upTo) {
    int n = 0;
    for (LocalDate d = after.plusDays(1); !d.isAfter(upTo); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  private static void checkWithin(int within) {
    if (within < 0 || within > MAX_WITHIN) {
      throw new IllegalArgumentException(
          "within must be a whole number of working days from 0 to "
              + MAX_WITHIN
              + ", found "
              + within);
    }
  }
}
