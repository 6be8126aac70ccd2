package io.liangshai.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.reports.Series;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDatesTest {

  private static final DueDates DUE = new DueDates(WorkingDayCalendar.china());

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  private static SeriesSchedule monthly(String activeSince) {
    return SeriesSchedule.defaults(Series.MONTHLY, shanghai(activeSince));
  }

  @Test
  void januaryFallsDueOnTheFifthWorkingDayOfFebruaryCountingTheMakeUpSunday() {
    // 1 Feb Thu, 2 Fri, 4 Sun (调休上班), 5 Mon, 6 Tue
    assertThat(DUE.due(monthly("2024-01-01T00:00"), Period.parse("2024-01")))
        .isEqualTo(shanghai("2024-02-06T09:00"));
  }

  @Test
  void septemberWaitsOutNationalDayAndCountsTheMakeUpSaturday() {
    // 1–7 Oct off; 8, 9, 10, 11 Oct, then Saturday 12 Oct (调休上班)
    assertThat(DUE.due(monthly("2024-01-01T00:00"), Period.parse("2024-09")))
        .isEqualTo(shanghai("2024-10-12T09:00"));
  }

  @Test
  void aQuarterFallsDueInTheMonthAfterIt() {
    SeriesSchedule quarterly = SeriesSchedule.defaults(Series.QUARTERLY, Instant.EPOCH);
    // 1 Jan 2024 off; 2, 3, 4, 5, 8 Jan
    assertThat(DUE.due(quarterly, Period.parse("2023-Q4"))).isEqualTo(shanghai("2024-01-08T09:00"));
  }

  @Test
  void honoursTheChosenWorkingDayAndTime() {
    SeriesSchedule third =
        monthly("2024-01-01T00:00").with(3, LocalTime.of(14, 30), List.of(), "standard");
    assertThat(DUE.due(third, Period.parse("2024-01"))).isEqualTo(shanghai("2024-02-04T14:30"));
  }

  @Test
  void nothingIsDueBeforeTheDueMinute() {
    SeriesSchedule s = monthly("2024-02-01T00:00");
    assertThat(DUE.duePeriods(s, shanghai("2024-02-06T08:59"))).isEmpty();
    assertThat(DUE.duePeriods(s, shanghai("2024-02-06T09:00")))
        .containsExactly(Period.parse("2024-01"));
  }

  @Test
  void periodsThatFellDueBeforeTheSeriesWasEnabledAreNotPublished() {
    SeriesSchedule s = monthly("2024-02-20T00:00");
    assertThat(DUE.duePeriods(s, shanghai("2024-02-21T00:00"))).isEmpty();
    assertThat(DUE.next(s, shanghai("2024-02-21T00:00"))).isEqualTo(Period.parse("2024-02"));
  }

  @Test
  void catchesUpEveryPeriodMissedWhileDown() {
    SeriesSchedule s = monthly("2024-01-15T00:00");
    assertThat(DUE.duePeriods(s, shanghai("2024-05-01T00:00")))
        .containsExactly(Period.parse("2024-01"), Period.parse("2024-02"), Period.parse("2024-03"));
  }

  @Test
  void catchUpIsBounded() {
    SeriesSchedule s = monthly("2000-01-01T00:00");
    List<Period> due = DUE.duePeriods(s, shanghai("2024-05-01T00:00"));
    assertThat(due).hasSizeLessThanOrEqualTo(DueDates.MAX_CATCH_UP + 1);
    assertThat(due.get(due.size() - 1)).isEqualTo(Period.parse("2024-03"));
  }
}
