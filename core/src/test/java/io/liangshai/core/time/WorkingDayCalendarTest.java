package io.liangshai.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

  @Test
  void coversTheYearsShipped() {
    assertThat(calendar.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
    assertThat(calendar.covers(LocalDate.of(2027, 1, 4))).isFalse();
  }

  /** Spring Festival 2024 and its make-up Sundays, the other 2024 holidays, neighbouring years. */
  @ParameterizedTest(name = "{0}: {2}")
  @CsvFileSource(resources = "/io/liangshai/core/time/working-days.csv", numLinesToSkip = 1)
  void knowsHolidaysAndMakeUpDaysAndFallsBackToWeekends(
      LocalDate date, boolean working, String why) {
    assertThat(calendar.isWorkingDay(date)).as(why).isEqualTo(working);
  }

  @Test
  void countsWorkingDaysStrictlyAfterTheGivenDay() {
    assertThat(calendar.plusWorkingDays(LocalDate.parse("2024-02-08"), 1))
        .isEqualTo(LocalDate.parse("2024-02-09"));
    assertThat(calendar.plusWorkingDays(LocalDate.parse("2024-02-08"), 2))
        .isEqualTo(LocalDate.parse("2024-02-18"));
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.parse("2024-02-08"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsItsCsvFormat() throws Exception {
    WorkingDayCalendar custom =
        WorkingDayCalendar.read(
            new StringReader(
                "# comment\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,workday,test\n"));

    assertThat(custom.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(custom.isWorkingDay(LocalDate.parse("2027-01-02"))).isTrue();
    assertThat(custom.coveredYears()).containsExactly(2027);
  }

  @Test
  void rejectsBadLinesNamingThem() {
    assertThatThrownBy(
            () -> WorkingDayCalendar.read(new StringReader("date,kind,name\n2027-01-01,off,x\n")))
        .hasMessageContaining("line 2")
        .hasMessageContaining("holiday or workday");
    assertThatThrownBy(
            () ->
                WorkingDayCalendar.read(
                    new StringReader("2027-01-01,holiday,x\n2027-01-01,workday,y\n")))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> WorkingDayCalendar.read(new StringReader("2027-13-01,holiday,x\n")))
        .hasMessageContaining("line 1");
  }
}
