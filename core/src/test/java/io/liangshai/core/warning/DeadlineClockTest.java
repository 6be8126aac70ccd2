package io.liangshai.core.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Working days left and the three states on the shipped PRC calendar. 2024's 清明: Thursday 4 to
 * Saturday 6 April off, Sunday 7 April a make-up working day (调休上班).
 */
class DeadlineClockTest {

  private final DeadlineClock clock = new DeadlineClock(WorkingDayCalendar.china());

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  /**
   * At {@code asOf}, with {@code within} working days, a case due at {@code deadline} is {@code
   * expected}.
   */
  private void assertState(Instant asOf, String deadline, int within, DeadlineState expected) {
    assertThat(clock.state(asOf, at(deadline), within)).isEqualTo(expected);
  }

  /** Wednesday 3 April 2024, 10:00 in Asia/Shanghai. */
  private static final Instant WEDNESDAY = at("2024-04-03T10:00:00+08:00");

  @Test
  void aDeadlineLaterTheSameDayLeavesNoWorkingDayAndIsDueSoon() {
    Instant deadline = at("2024-04-03T17:00:00+08:00");
    assertThat(clock.workingDaysLeft(WEDNESDAY, deadline)).isZero();
    assertThat(clock.state(WEDNESDAY, deadline, 3)).isEqualTo(DeadlineState.DUE_SOON);
    assertThat(clock.state(WEDNESDAY, deadline, 0)).isEqualTo(DeadlineState.DUE_SOON);
  }

  @Test
  void aDeadlineAtTheInstantIsNotYetOverdue() {
    assertThat(clock.state(WEDNESDAY, WEDNESDAY, 3)).isEqualTo(DeadlineState.DUE_SOON);
    assertThat(clock.state(WEDNESDAY, WEDNESDAY.minusNanos(1000), 3))
        .isEqualTo(DeadlineState.OVERDUE);
  }

  @Test
  void aDeadlineEarlierTheSameDayIsOverdueWithNoWorkingDay() {
    Instant deadline = at("2024-04-03T09:00:00+08:00");
    assertThat(clock.state(WEDNESDAY, deadline, 3)).isEqualTo(DeadlineState.OVERDUE);
    assertThat(clock.workingDaysLeft(WEDNESDAY, deadline)).isZero();
  }

  @Test
  void holidaysDoNotCountAndTheMakeUpSundayDoes() {
    assertThat(clock.workingDaysLeft(WEDNESDAY, at("2024-04-06T23:59:59+08:00"))).isZero();
    assertThat(clock.workingDaysLeft(WEDNESDAY, at("2024-04-07T12:00:00+08:00"))).isEqualTo(1);
    assertThat(clock.workingDaysLeft(WEDNESDAY, at("2024-04-08T12:00:00+08:00"))).isEqualTo(2);
    assertThat(clock.workingDaysLeft(WEDNESDAY, at("2024-04-10T12:00:00+08:00"))).isEqualTo(4);
    assertState(WEDNESDAY, "2024-04-09T12:00:00+08:00", 3, DeadlineState.DUE_SOON);
    assertState(WEDNESDAY, "2024-04-10T12:00:00+08:00", 3, DeadlineState.ON_TRACK);
  }

  @Test
  void aWeekendCountsNoWorkingDay() {
    Instant friday = at("2024-03-08T10:00:00+08:00");
    assertThat(clock.workingDaysLeft(friday, at("2024-03-10T18:00:00+08:00"))).isZero();
    assertThat(clock.workingDaysLeft(friday, at("2024-03-11T09:00:00+08:00"))).isEqualTo(1);
  }

  @Test
  void countsTheDaysInAsiaShanghai() {
    // 16:30 UTC on Monday 11 March is 00:30 on Tuesday 12 March in Asia/Shanghai.
    Instant friday = at("2024-03-08T10:00:00+08:00");
    assertThat(clock.workingDaysLeft(friday, Instant.parse("2024-03-11T16:30:00Z"))).isEqualTo(2);
    assertThat(clock.workingDaysLeft(friday, Instant.parse("2024-03-11T15:30:00Z"))).isEqualTo(1);
  }

  @Test
  void anOverdueCaseCountsTheWorkingDaysSinceItsDeadlineNegatively() {
    Instant monday = at("2024-04-08T10:00:00+08:00");
    // After 3 April: 4–6 off, 7 (make-up) and 8 working.
    assertThat(clock.workingDaysLeft(monday, at("2024-04-03T17:00:00+08:00"))).isEqualTo(-2);
    assertState(monday, "2024-04-03T17:00:00+08:00", 3, DeadlineState.OVERDUE);
  }

  @Test
  void withinZeroLeavesOnlyTheDeadlinesOfTodayDueSoon() {
    Instant wednesday = at("2024-03-06T10:00:00+08:00");
    assertState(wednesday, "2024-03-06T18:00:00+08:00", 0, DeadlineState.DUE_SOON);
    assertState(wednesday, "2024-03-07T18:00:00+08:00", 0, DeadlineState.ON_TRACK);
  }

  @Test
  void dueSoonBeforeAgreesWithTheStateOnEveryDate() {
    Instant asOf = at("2024-03-29T08:00:00+08:00");
    for (int within = 0; within <= 6; within++) {
      LocalDate before = clock.dueSoonBefore(asOf, within);
      for (LocalDate d = LocalDate.of(2024, 3, 29); d.isBefore(LocalDate.of(2024, 5, 20)); ) {
        Instant deadline = d.atTime(23, 0).atOffset(java.time.ZoneOffset.ofHours(8)).toInstant();
        boolean dueSoon = clock.state(asOf, deadline, within) == DeadlineState.DUE_SOON;
        assertThat(dueSoon).as("within %d, deadline %s", within, d).isEqualTo(d.isBefore(before));
        d = d.plusDays(1);
      }
    }
    // 29 March is a Friday: Monday 1, Tuesday 2, Wednesday 3 April, then 清明 until the 7th.
    assertThat(clock.dueSoonBefore(asOf, 3)).isEqualTo(LocalDate.of(2024, 4, 7));
  }

  @Test
  void refusesWithinOutsideZeroToSixty() {
    assertThatThrownBy(() -> clock.state(WEDNESDAY, WEDNESDAY, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within");
    assertThatThrownBy(() -> clock.dueSoonBefore(WEDNESDAY, 61))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("60");
  }
}
