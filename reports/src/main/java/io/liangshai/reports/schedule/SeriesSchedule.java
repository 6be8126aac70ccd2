package io.liangshai.reports.schedule;

import io.liangshai.reports.Series;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * When a bulletin series is published: on the {@code workingDay}-th PRC working day of the month
 * after each period, at {@code time} Asia/Shanghai, for every period that falls due after {@code
 * activeSince} (when the series was last enabled).
 *
 * @param series {@link Series#MONTHLY} or {@link Series#QUARTERLY}
 * @param enabled whether it publishes at all
 * @param workingDay 1–20: the 5th working day by default
 * @param time the time of day, 09:00 by default
 * @param groups the peer groups, empty for the four standard groups
 * @param scheme the scheme reference, {@code standard} by default
 * @param activeSince periods due before this instant are not published by the schedule
 * @param waitForSignoff how long a due bulletin waits for the month's sign-offs, or null for not at
 *     all (the default); monthly only
 */
public record SeriesSchedule(
    Series series,
    boolean enabled,
    int workingDay,
    LocalTime time,
    List<String> groups,
    String scheme,
    Instant activeSince,
    WaitForSignoff waitForSignoff) {

  public static final int DEFAULT_WORKING_DAY = 5;
  public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
  public static final int MAX_WORKING_DAY = 20;

  public SeriesSchedule {
    Objects.requireNonNull(series, "series");
    if (series != Series.MONTHLY && series != Series.QUARTERLY) {
      throw new IllegalArgumentException("series: only monthly and quarterly are scheduled");
    }
    if (workingDay < 1 || workingDay > MAX_WORKING_DAY) {
      throw new IllegalArgumentException(
          "working_day must be 1–" + MAX_WORKING_DAY + ", was " + workingDay);
    }
    Objects.requireNonNull(time, "time");
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("time must be whole minutes (HH:mm), was " + time);
    }
    groups = List.copyOf(groups);
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(activeSince, "activeSince");
    if (waitForSignoff != null && series != Series.MONTHLY) {
      throw new IllegalArgumentException(
          "wait_for_signoff: only the monthly series waits, sign-offs are of months");
    }
  }

  /**
   * The default: enabled, 5th working day, 09:00, standard groups, standard scheme, not waiting for
   * sign-offs.
   */
  public static SeriesSchedule defaults(Series series, Instant now) {
    return new SeriesSchedule(
        series, true, DEFAULT_WORKING_DAY, DEFAULT_TIME, List.of(), "standard", now, null);
  }

  public SeriesSchedule withEnabled(boolean enabled, Instant now) {
    return new SeriesSchedule(
        series,
        enabled,
        workingDay,
        time,
        groups,
        scheme,
        enabled && !this.enabled ? now : activeSince,
        waitForSignoff);
  }

  public SeriesSchedule with(int workingDay, LocalTime time, List<String> groups, String scheme) {
    return new SeriesSchedule(
        series, enabled, workingDay, time, groups, scheme, activeSince, waitForSignoff);
  }

  /** This schedule waiting for sign-offs as {@code wait} says (null: not waiting). */
  public SeriesSchedule withWaitForSignoff(WaitForSignoff wait) {
    return new SeriesSchedule(series, enabled, workingDay, time, groups, scheme, activeSince, wait);
  }
}
