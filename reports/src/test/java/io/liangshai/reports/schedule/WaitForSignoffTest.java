package io.liangshai.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.time.Period;
import io.liangshai.reports.Series;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitForSignoffTest {

  private static final Instant NOW = Instant.parse("2024-02-05T02:00:00Z");

  @Test
  void theLastDayIsThatDayOfTheMonthAfterThePeriodAtTheSchedulesTimeInShanghai() {
    assertThat(new WaitForSignoff(20).until(Period.parse("2024-01"), LocalTime.of(9, 0)))
        .isEqualTo(Instant.parse("2024-02-20T01:00:00Z"));
    assertThat(new WaitForSignoff(1).until(Period.parse("2024-12"), LocalTime.of(0, 30)))
        .as("December waits into January of the next year")
        .isEqualTo(Instant.parse("2024-12-31T16:30:00Z"));
  }

  @Test
  void rejectsADayOutsideOneToTwentyEightAndAPeriodThatIsNotAMonth() {
    assertThatThrownBy(() -> new WaitForSignoff(0)).hasMessageContaining("until_day must be 1–28");
    assertThatThrownBy(() -> new WaitForSignoff(29)).hasMessageContaining("was 29");
    assertThatThrownBy(
            () -> new WaitForSignoff(10).until(Period.parse("2024-Q1"), LocalTime.of(9, 0)))
        .hasMessageContaining("only a month");
  }

  @Test
  void onlyTheMonthlySeriesWaits() {
    SeriesSchedule quarterly = SeriesSchedule.defaults(Series.QUARTERLY, NOW);
    assertThatThrownBy(() -> quarterly.withWaitForSignoff(new WaitForSignoff(10)))
        .hasMessageContaining("only the monthly series waits");
  }

  @Test
  void theOptionIsKeptInTheJobDataAndAChangeSetsKeepsOrClearsIt() {
    SeriesSchedule monthly = SeriesSchedule.defaults(Series.MONTHLY, NOW);
    assertThat(ScheduleData.read(ScheduleData.write(monthly))).isEqualTo(monthly);
    assertThat(monthly.waitForSignoff()).isNull();

    SeriesSchedule waiting =
        new ScheduleChange(null, null, null, null, null, Optional.of(new WaitForSignoff(15)))
            .applyTo(monthly, NOW);
    assertThat(waiting.waitForSignoff()).isEqualTo(new WaitForSignoff(15));
    assertThat(ScheduleData.read(ScheduleData.write(waiting))).isEqualTo(waiting);
    assertThat(new ScheduleChange(null, 3, null, null, null).applyTo(waiting, NOW).waitForSignoff())
        .as("a change that leaves the option out keeps it")
        .isEqualTo(new WaitForSignoff(15));
    assertThat(
            new ScheduleChange(null, null, null, null, null, Optional.empty())
                .applyTo(waiting, NOW)
                .waitForSignoff())
        .isNull();
  }
}
