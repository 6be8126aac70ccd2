package io.liangshai.reports.schedule;

import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import java.time.LocalTime;

/**
 * Schedule option {@code wait_for_signoff} (SPEC §10): a monthly bulletin that falls due while some
 * city or county has no sign-off of the month in force is held — published as soon as all have
 * signed off, or on day {@code untilDay} of the month after the period, at the schedule's time
 * (Asia/Shanghai), whoever has signed off by then. A last day before the due date does not hold.
 *
 * @param untilDay 1–28: the last day of the month after the period to wait for
 */
public record WaitForSignoff(int untilDay) {

  public static final int MAX_DAY = 28;

  public WaitForSignoff {
    if (untilDay < 1 || untilDay > MAX_DAY) {
      throw new IllegalArgumentException(
          "wait_for_signoff.until_day must be 1–" + MAX_DAY + ", was " + untilDay);
    }
  }

  /** When {@code month}'s bulletin is published whatever the sign-offs: day untilDay at time. */
  public Instant until(Period month, LocalTime time) {
    if (month.kind() != PeriodKind.MONTH) {
      throw new IllegalArgumentException("only a month waits for sign-offs, not " + month);
    }
    return month
        .next()
        .firstDay()
        .withDayOfMonth(untilDay)
        .atTime(time)
        .atZone(ChinaTime.ZONE)
        .toInstant();
  }
}
