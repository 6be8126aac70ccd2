package io.liangshai.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

  private boolean working(String date) {
    return calendar.isWorkingDay(LocalDate.parse(date));
  }

  @Test
  void coversTheYearsShipped() {
    assertThat(calendar.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
    assertThat(calendar.covers(LocalDate.of(2027, 1, 4))).isFalse();
  }

  @Test
  void takesSpringFestival2024OffAndWorksItsMakeUpSundays() {
    assertThat(working("2024-02-04")).as("Sunday make-up day").isTrue();
    assertThat(working("2024-02-09")).as("Friday before the break").isTrue();
    assertThat(working("2024-02-12")).as("Monday in the break").isFalse();
    assertThat(working("2024-02-16")).as("Friday in the break").isFalse();
    assertThat(working("2024-02-18")).as("Sunday make-up day").isTrue();
    assertThat(working("2024-02-24")).as("ordinary Saturday").isFalse();
  }

  @Test
  void knowsTheOther2024Holidays() {
    assertThat(working("2024-01-01")).isFalse();
    assertThat(working("2024-04-04")).isFalse();
    assertThat(working("2024-04-07")).isTrue();
    assertThat(working("2024-04-28")).isTrue();
    assertThat(working("2024-05-03")).isFalse();
    assertThat(working("2024-05-11")).isTrue();
    assertThat(working("2024-06-10")).isFalse();
    assertThat(working("2024-09-14")).isTrue();
    assertThat(working("2024-09-16")).isFalse();
    assertThat(working("2024-09-29")).isTrue();
    assertThat(working("2024-10-07")).isFalse();
    assertThat(working("2024-10-12")).isTrue();
  }

  @Test
  void knowsNeighbouringYears() {
    assertThat(working("2023-01-28")).isTrue();
    assertThat(working("2025-01-28")).as("2025 除夕").isFalse();
    assertThat(working("2025-02-08")).isTrue();
    assertThat(working("2026-02-23")).isFalse();
    assertThat(working("2026-02-28")).isTrue();
  }

  @Test
  void fallsBackToWeekendsOutsideTheCoveredYears() {
    assertThat(working("2030-10-01")).as("a Tuesday, holiday unknown").isTrue();
    assertThat(working("2030-10-05")).as("a Saturday").isFalse();
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
