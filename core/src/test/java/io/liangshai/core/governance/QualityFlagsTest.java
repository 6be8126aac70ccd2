package io.liangshai.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.governance.MonthTally.Count;
import io.liangshai.core.governance.QualityFlags.Raised;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QualityFlagsTest {

  private static Count count(long n) {
    return new Count(n, IntStream.range(0, (int) n).mapToObj(i -> "c" + i).toList());
  }

  private static MonthTally tally(
      long cases, long closed, long near, long withdrawn, long priorCases, long priorWithdrawn) {
    return new MonthTally(
        cases,
        closed,
        count(near),
        count(withdrawn),
        priorCases,
        priorWithdrawn,
        Count.NONE,
        0,
        Count.NONE,
        Count.NONE);
  }

  private static List<QualityFlag> flags(MonthTally t) {
    return QualityFlags.judge(t).stream().map(Raised::flag).toList();
  }

  @Test
  void sharesAreComparedInIntegersExactlyAtTheirThresholds() {
    assertThat(flags(tally(20, 10, 3, 0, 0, 0))).containsExactly(QualityFlag.CLOSED_AT_DEADLINE);
    assertThat(flags(tally(20, 11, 3, 0, 0, 0))).as("3/11 < 30%").isEmpty();
    assertThat(flags(tally(20, 0, 0, 0, 0, 0))).as("no closed case, nothing to flag").isEmpty();
  }

  @Test
  void tenantsWithFewerThanTwentyCasesAreNotJudged() {
    assertThat(flags(tally(19, 10, 10, 10, 0, 0))).isEmpty();
  }

  @Test
  void aWithdrawalSpikeNeedsFifteenPercentAndThreeTimesThePooledShareBefore() {
    assertThat(flags(tally(20, 0, 0, 3, 0, 0))).as("no cases before: share 0").hasSize(1);
    assertThat(flags(tally(20, 0, 0, 3, 100, 5))).as("15% ≥ 3 × 5%").hasSize(1);
    assertThat(flags(tally(20, 0, 0, 3, 100, 6))).as("15% < 3 × 6%").isEmpty();
    assertThat(flags(tally(21, 0, 0, 3, 0, 0))).as("3/21 < 15%").isEmpty();
  }

  @Test
  void uniformSatisfactionRewrittenAndInstantClosing() {
    MonthTally t =
        new MonthTally(40, 10, Count.NONE, Count.NONE, 0, 0, count(30), 30, count(2), count(3));
    List<Raised> raised = QualityFlags.judge(t);
    assertThat(raised)
        .extracting(Raised::flag)
        .containsExactly(
            QualityFlag.CLOSED_AT_REWRITTEN,
            QualityFlag.UNIFORM_SATISFACTION,
            QualityFlag.INSTANT_CLOSING);
    assertThat(raised.get(1).cases()).isEqualTo(30);
    assertThat(raised.get(1).evidence()).hasSize(QualityFlags.EVIDENCE);
    MonthTally notAll =
        new MonthTally(40, 11, Count.NONE, Count.NONE, 0, 0, count(30), 29, count(2), count(2));
    assertThat(flags(notAll)).isEmpty();
  }

  @Test
  void silentNeedsNoCaseAndCasesInEachOfTheThreeMonthsBefore() {
    assertThat(Reporting.silent(0, 1, 2, 3)).isTrue();
    assertThat(Reporting.silent(0, 1, 0, 3)).isFalse();
    assertThat(Reporting.silent(1, 1, 2, 3)).isFalse();
  }

  @Test
  void aSignoffIsOnTimeUntilTheFifthWorkingDayAfterTheMonth() {
    SignoffRules rules = new SignoffRules(WorkingDayCalendar.china());
    // February 2024: 1 March is a Friday; 4–7 March Monday to Thursday.
    assertThat(rules.due(Period.parse("2024-02"))).isEqualTo(LocalDate.of(2024, 3, 7));
    assertThat(rules.onTime(Period.parse("2024-02"), Instant.parse("2024-03-07T15:59:59Z")))
        .isTrue();
    assertThat(rules.onTime(Period.parse("2024-02"), Instant.parse("2024-03-07T16:00:00Z")))
        .as("8 March in Asia/Shanghai")
        .isFalse();
    // September 2024: 1–7 October off (National Day), Saturday 12 October a make-up workday.
    assertThat(rules.due(Period.parse("2024-09"))).isEqualTo(LocalDate.of(2024, 10, 12));
  }

  @Test
  void changesListTheCountsThatMoved() {
    IndicatorCounts before = new IndicatorCounts(10, 5, 1, 0, 0, 0, 0, 0, 0, 0);
    IndicatorCounts after = new IndicatorCounts(10, 6, 2, 0, 0, 0, 0, 0, 0, 0);
    assertThat(SignoffRules.changes(before, after))
        .extracting(c -> c.count().wireName() + " " + c.before() + "→" + c.after())
        .containsExactly("closed 5→6", "overdue_closed 1→2");
  }
}
