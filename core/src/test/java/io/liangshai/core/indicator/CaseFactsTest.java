package io.liangshai.core.indicator;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseFactsTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-31T16:30:00Z");
  private static final Instant DEADLINE = Instant.parse("2024-02-20T15:59:59Z");

  @Test
  void countsAnOpenCaseAsReceivedOnly() {
    CaseFacts facts = CaseFacts.of(aCase().receivedAt(RECEIVED).build(), false, DEADLINE);

    assertThat(facts.contribution()).isEqualTo(new IndicatorCounts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void countsACaseClosedAfterItsDeadlineAsOverdueClosed() {
    CaseFacts facts =
        CaseFacts.of(
            aCase().receivedAt(RECEIVED).closedAt(DEADLINE.plusNanos(1_000)).build(),
            false,
            DEADLINE);

    assertThat(facts.contribution().closed()).isEqualTo(1);
    assertThat(facts.contribution().overdueClosed()).isEqualTo(1);
  }

  @Test
  void doesNotCountACaseClosedExactlyAtItsDeadlineAsOverdue() {
    CaseFacts facts =
        CaseFacts.of(aCase().receivedAt(RECEIVED).closedAt(DEADLINE).build(), false, DEADLINE);

    assertThat(facts.contribution().overdueClosed()).isZero();
  }

  @Test
  void countsEveryAnomalyKind() {
    CaseFacts facts =
        CaseFacts.of(
            aCase()
                .receivedAt(RECEIVED)
                .reassignedCount(2)
                .leaderInstructed(true)
                .escalationLevel(EscalationLevel.CITY)
                .satisfaction(Satisfaction.VERY_DISSATISFIED)
                .build(),
            true,
            DEADLINE);

    assertThat(facts.contribution()).isEqualTo(new IndicatorCounts(1, 0, 0, 1, 1, 0, 1, 1, 1, 1));
  }

  @Test
  void countsBasicallySatisfiedAsSatisfied() {
    CaseFacts facts =
        CaseFacts.of(
            aCase().receivedAt(RECEIVED).satisfaction(Satisfaction.BASICALLY_SATISFIED).build(),
            false,
            DEADLINE);

    assertThat(facts.contribution().rated()).isEqualTo(1);
    assertThat(facts.contribution().satisfied()).isEqualTo(1);
    assertThat(facts.contribution().dissatisfied()).isZero();
  }

  @Test
  void contributesNothingWhenWithdrawn() {
    CaseFacts facts =
        CaseFacts.of(
            aCase()
                .receivedAt(RECEIVED)
                .status(CaseStatus.WITHDRAWN)
                .leaderInstructed(true)
                .build(),
            true,
            DEADLINE);

    assertThat(facts.contribution()).isEqualTo(IndicatorCounts.ZERO);
    assertThat(facts.isOverdueOpenAt(DEADLINE.plusSeconds(1))).isFalse();
  }

  @Test
  void isOverdueOpenOnlyOnceTheDeadlineHasPassed() {
    CaseFacts open = CaseFacts.of(aCase().receivedAt(RECEIVED).build(), false, DEADLINE);

    assertThat(open.isOverdueOpenAt(DEADLINE)).isFalse();
    assertThat(open.isOverdueOpenAt(DEADLINE.plusNanos(1_000))).isTrue();
  }

  @Test
  void isNeverOverdueOpenOnceClosed() {
    CaseFacts closed =
        CaseFacts.of(
            aCase().receivedAt(RECEIVED).closedAt(DEADLINE.plusSeconds(5)).build(),
            false,
            DEADLINE);

    assertThat(closed.isOverdueOpenAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  void belongsToThePeriodOfItsReceiptInShanghai() {
    CaseFacts facts = CaseFacts.of(aCase().receivedAt(RECEIVED).build(), false, DEADLINE);

    assertThat(facts.period(PeriodKind.MONTH)).isEqualTo(Period.parse("2024-02"));
  }
}
