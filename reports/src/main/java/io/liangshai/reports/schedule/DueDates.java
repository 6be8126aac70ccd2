package io.liangshai.reports.schedule;

import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When each period's bulletin falls due under a {@link SeriesSchedule}: the n-th PRC working day
 * (core's {@link WorkingDayCalendar}: weekends and public holidays off, 调休 make-up days on) of the
 * month after the period, at the schedule's time in Asia/Shanghai. January 2024 with the default
 * schedule falls due on 2024-02-06 09:00 (1, 2, 4 — a make-up Sunday — 5 and 6 February).
 */
public final class DueDates {

  /** How far back a catch-up looks at most, whatever {@code activeSince} says. */
  static final int MAX_CATCH_UP = 36;

  private final WorkingDayCalendar calendar;

  public DueDates(WorkingDayCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The instant the bulletin of {@code period} falls due. */
  public Instant due(SeriesSchedule schedule, Period period) {
    LocalDate firstOfNextMonth = period.next().firstDay();
    LocalDate day = calendar.plusWorkingDays(firstOfNextMonth.minusDays(1), schedule.workingDay());
    return day.atTime(schedule.time()).atZone(ChinaTime.ZONE).toInstant();
  }

  /**
   * The periods whose bulletin fell due in {@code [activeSince, now]}, oldest first, at most the
   * last {@value #MAX_CATCH_UP}: what a run at {@code now} publishes when they have none yet.
   */
  public List<Period> duePeriods(SeriesSchedule schedule, Instant now) {
    List<Period> due = new ArrayList<>();
    Period period = start(schedule, now, MAX_CATCH_UP + 1);
    for (Instant at = due(schedule, period); !at.isAfter(now); at = due(schedule, period)) {
      if (!at.isBefore(schedule.activeSince())) {
        due.add(period);
      }
      period = period.next();
    }
    return due;
  }

  /** The next period to fall due after {@code now} (and not before {@code activeSince}). */
  public Period next(SeriesSchedule schedule, Instant now) {
    Period period = start(schedule, now, 1);
    Instant at = due(schedule, period);
    while (!at.isAfter(now) || at.isBefore(schedule.activeSince())) {
      period = period.next();
      at = due(schedule, period);
    }
    return period;
  }

  /**
   * The earliest period worth looking at: the one before {@code activeSince}'s, but no more than
   * {@code back} periods before {@code now}'s.
   */
  private static Period start(SeriesSchedule schedule, Instant now, int back) {
    Period first = Period.of(schedule.series().kind(), schedule.activeSince()).previous();
    Period earliest = Period.of(schedule.series().kind(), now);
    for (int i = 0; i < back; i++) {
      earliest = earliest.previous();
    }
    return first.compareTo(earliest) > 0 ? first : earliest;
  }
}
