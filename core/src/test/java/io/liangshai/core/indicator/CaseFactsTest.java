package io.liangshai.core.indicator;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseFactsTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-31T16:30:00Z");
  private static final Instant DEADLINE = Instant.parse("2024-02-20T15:59:59Z");

  /**
   * The facts of {@code c} received at {@link #RECEIVED}, its effective deadline {@link #DEADLINE}.
   */
  private static CaseFacts facts(CaseRecordFixture c, boolean recurrence) {
    return CaseFacts.of(c.receivedAt(RECEIVED).build(), recurrence, DEADLINE);
  }

  @Test
  void countsAnOpenCaseAsReceivedOnly() {
    CaseFacts facts = facts(aCase(), false);

    assertThat(facts.contribution()).isEqualTo(new IndicatorCounts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void countsACaseClosedAfterItsDeadlineAsOverdueClosed() {
    CaseFacts facts = facts(aCase().closedAt(DEADLINE.plusNanos(1_000)), false);

    assertThat(facts.contribution().closed()).isEqualTo(1);
    assertThat(facts.contribution().overdueClosed()).isEqualTo(1);
  }

  @Test
  void doesNotCountACaseClosedExactlyAtItsDeadlineAsOverdue() {
    CaseFacts facts = facts(aCase().closedAt(DEADLINE), false);

    assertThat(facts.contribution().overdueClosed()).isZero();
  }

  @Test
  void countsEveryAnomalyKind() {
    CaseFacts facts =
        facts(
            aCase()
                .reassignedCount(2)
                .leaderInstructed(true)
                .escalationLevel(EscalationLevel.CITY)
                .satisfaction(Satisfaction.VERY_DISSATISFIED),
            true);

    assertThat(facts.contribution()).isEqualTo(new IndicatorCounts(1, 0, 0, 1, 1, 0, 1, 1, 1, 1));
  }

  @Test
  void countsBasicallySatisfiedAsSatisfied() {
    CaseFacts facts = facts(aCase().satisfaction(Satisfaction.BASICALLY_SATISFIED), false);

    assertThat(facts.contribution().rated()).isEqualTo(1);
    assertThat(facts.contribution().satisfied()).isEqualTo(1);
    assertThat(facts.contribution().dissatisfied()).isZero();
  }

  @Test
  void contributesNothingWhenWithdrawn() {
    CaseFacts facts = facts(aCase().status(CaseStatus.WITHDRAWN).leaderInstructed(true), true);

    assertThat(facts.contribution()).isEqualTo(IndicatorCounts.ZERO);
    assertThat(facts.isOverdueOpenAt(DEADLINE.plusSeconds(1))).isFalse();
  }

  @Test
  void isOverdueOpenOnlyOnceTheDeadlineHasPassed() {
    CaseFacts open = facts(aCase(), false);

    assertThat(open.isOverdueOpenAt(DEADLINE)).isFalse();
    assertThat(open.isOverdueOpenAt(DEADLINE.plusNanos(1_000))).isTrue();
  }

  @Test
  void isNeverOverdueOpenOnceClosed() {
    CaseFacts closed = facts(aCase().closedAt(DEADLINE.plusSeconds(5)), false);

    assertThat(closed.isOverdueOpenAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  void belongsToThePeriodOfItsReceiptInShanghai() {
    CaseFacts facts = facts(aCase(), false);

    assertThat(facts.period(PeriodKind.MONTH)).isEqualTo(Period.parse("2024-02"));
  }
}
