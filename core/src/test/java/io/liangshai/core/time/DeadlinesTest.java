package io.liangshai.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private static Instant beijing(String localDateTime) {
    return ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
  }

  @Test
  void isEndOfTheFifteenthWorkingDayInAnOrdinaryMonth() {
    // Fri 1 Mar 2024: 4–8, 11–15, 18–22 March are the 15 working days.
    assertThat(Deadlines.derive(beijing("2024-03-01T10:00:00")))
        .isEqualTo(beijing("2024-03-22T23:59:59"));
  }

  @Test
  void skipsSpringFestivalAndCountsMakeUpSundays() {
    // Thu 8 Feb: 9 Feb, (10–17 off), Sun 18 Feb make-up, 19–23, 26 Feb–1 Mar, 4–6 Mar.
    assertThat(Deadlines.derive(beijing("2024-02-08T10:00:00")))
        .isEqualTo(beijing("2024-03-06T23:59:59"));
  }

  @Test
  void countsFromTheShanghaiDayOfReceipt() {
    // 2024-02-01T16:30Z is Fri 2 Feb in Shanghai: Sun 4 Feb make-up is the 1st working day.
    assertThat(Deadlines.derive(Instant.parse("2024-02-01T16:30:00Z")))
        .isEqualTo(beijing("2024-02-28T23:59:59"));
    assertThat(Deadlines.derive(Instant.parse("2024-02-01T15:30:00Z")))
        .isEqualTo(beijing("2024-02-27T23:59:59"));
  }

  @Test
  void startsCountingAfterACaseReceivedOnAHoliday() {
    // Sun 11 Feb (Spring Festival): 18 Feb is the 1st working day.
    assertThat(Deadlines.derive(beijing("2024-02-11T20:00:00")))
        .isEqualTo(beijing("2024-03-07T23:59:59"));
  }

  @Test
  void usesTheGivenDeadlineWhenThereIsOne() {
    Instant given = Instant.parse("2024-02-20T00:00:00Z");

    assertThat(
            Deadlines.effective(given, beijing("2024-02-08T10:00:00"), WorkingDayCalendar.china()))
        .isEqualTo(given);
    assertThat(
            Deadlines.effective(null, beijing("2024-02-08T10:00:00"), WorkingDayCalendar.china()))
        .isEqualTo(beijing("2024-03-06T23:59:59"));
  }

  @Test
  void countsOnlyWeekendsInAYearWithoutShippedHolidays() {
    // Tue 1 Jan 2030 (holiday unknown): 2–4, 7–11, 14–18, 21–22 January.
    assertThat(Deadlines.derive(beijing("2030-01-01T10:00:00")))
        .isEqualTo(beijing("2030-01-22T23:59:59"));
  }
}
