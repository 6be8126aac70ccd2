package io.liangshai.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class DeadlinesTest {

  private static Instant beijing(String localDateTime) {
    return ZonedDateTime.parse(localDateTime + "+08:00[Asia/Shanghai]").toInstant();
  }

  /**
   * The end of the 15th working day after the Shanghai day of receipt, over Spring Festival,
   * make-up Sundays, a receipt on a holiday and a year without shipped holidays.
   */
  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvFileSource(resources = "/io/liangshai/core/time/derived-deadlines.csv", numLinesToSkip = 1)
  void isEndOfTheFifteenthWorkingDayAfterTheDayOfReceipt(
      OffsetDateTime received, OffsetDateTime deadline, String why) {
    assertThat(Deadlines.derive(received.toInstant())).as(why).isEqualTo(deadline.toInstant());
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
}
