package io.liangshai.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverdueRuleTest {

  private static final Instant DEADLINE = Instant.parse("2024-03-10T08:30:00Z");
  private static final Instant BEFORE = DEADLINE.minusNanos(1_000);
  private static final Instant AFTER = DEADLINE.plusNanos(1_000);

  @Test
  void aCaseClosedAtItsDeadlineIsInTime() {
    assertThat(OverdueRule.isClosedLate(CaseStatus.CLOSED, DEADLINE, DEADLINE)).isFalse();
    assertThat(OverdueRule.isClosedLate(CaseStatus.CLOSED, AFTER, DEADLINE)).isTrue();
    assertThat(OverdueRule.isClosedLate(CaseStatus.CLOSED, BEFORE, DEADLINE)).isFalse();
  }

  @Test
  void anOpenCaseIsOverdueOnlyOnceItsDeadlineHasPassed() {
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.IN_PROGRESS, DEADLINE, BEFORE)).isFalse();
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.IN_PROGRESS, DEADLINE, DEADLINE))
        .isFalse();
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.RECEIVED, DEADLINE, AFTER)).isTrue();
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.ASSIGNED, DEADLINE, AFTER)).isTrue();
  }

  @Test
  void closedAndWithdrawnCasesAreNeverOpenPastTheirDeadline() {
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.CLOSED, DEADLINE, AFTER)).isFalse();
    assertThat(OverdueRule.isOpenPastDeadline(CaseStatus.WITHDRAWN, DEADLINE, AFTER)).isFalse();
    assertThat(OverdueRule.isOverdueAt(CaseStatus.WITHDRAWN, null, DEADLINE, AFTER)).isFalse();
  }

  @Test
  void overdueMeansClosedLateOrOpenPastTheDeadline() {
    assertThat(OverdueRule.isOverdueAt(CaseStatus.CLOSED, AFTER, DEADLINE, BEFORE)).isTrue();
    assertThat(OverdueRule.isOverdueAt(CaseStatus.CLOSED, BEFORE, DEADLINE, AFTER)).isFalse();
    assertThat(OverdueRule.isOverdueAt(CaseStatus.IN_PROGRESS, null, DEADLINE, AFTER)).isTrue();
  }
}
