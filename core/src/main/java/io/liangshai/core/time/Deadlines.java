package io.liangshai.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * 办理时限: when a case without a given {@code deadline} is due (SPEC §2): 23:59:59 Asia/Shanghai of
 * the 15th working day after the day of {@code received_at}. The day of receipt does not count; the
 * first working day is the first one strictly after it.
 */
public final class Deadlines {

  /** Working days a case has when no deadline is given. */
  public static final int WORKING_DAYS = 15;

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private Deadlines() {}

  /** The derived deadline for a case received at {@code receivedAt}, on the shipped calendar. */
  public static Instant derive(Instant receivedAt) {
    return derive(receivedAt, WorkingDayCalendar.china());
  }

  /** The derived deadline for a case received at {@code receivedAt}, on {@code calendar}. */
  public static Instant derive(Instant receivedAt, WorkingDayCalendar calendar) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    LocalDate day = LocalDate.ofInstant(receivedAt, ChinaTime.ZONE);
    LocalDate due = calendar.plusWorkingDays(day, WORKING_DAYS);
    return due.atTime(END_OF_DAY).atZone(ChinaTime.ZONE).toInstant();
  }

  /** {@code given} when there is one, else the derived deadline on {@code calendar}. */
  public static Instant effective(Instant given, Instant receivedAt, WorkingDayCalendar calendar) {
    return given != null ? given : derive(receivedAt, calendar);
  }
}
