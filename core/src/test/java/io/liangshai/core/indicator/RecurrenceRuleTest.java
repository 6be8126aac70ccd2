package io.liangshai.core.indicator;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.testing.CaseRecordFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RecurrenceRuleTest {

  private static final Instant C_RECEIVED = Instant.parse("2024-04-01T02:00:00Z");
  private static final Duration NINETY_DAYS = Duration.ofHours(90 * 24);

  private final CaseRecord candidate = aCase().caseId("C").receivedAt(C_RECEIVED).build();

  private static CaseRecord priorClosedAt(Instant closedAt) {
    return aCase()
        .caseId("P")
        .receivedAt(closedAt.minus(Duration.ofDays(3)))
        .closedAt(closedAt)
        .build();
  }

  private boolean isRecurrence(CaseRecord candidate, CaseRecord... others) {
    List<CaseRecord> group = new java.util.ArrayList<>(List.of(others));
    group.add(candidate);
    return RecurrenceRule.recurrencesInGroup(group).contains(candidate.key());
  }

  @Test
  void countsAPriorCaseClosedExactlyNinetyDaysBefore() {
    assertThat(isRecurrence(candidate, priorClosedAt(C_RECEIVED.minus(NINETY_DAYS)))).isTrue();
  }

  @Test
  void ignoresAPriorCaseClosedJustOverNinetyDaysBefore() {
    Instant justOutside = C_RECEIVED.minus(NINETY_DAYS).minusNanos(1_000);

    assertThat(isRecurrence(candidate, priorClosedAt(justOutside))).isFalse();
  }

  @Test
  void countsAPriorCaseClosedJustBeforeReceipt() {
    assertThat(isRecurrence(candidate, priorClosedAt(C_RECEIVED.minusNanos(1_000)))).isTrue();
  }

  @Test
  void ignoresACaseClosedAtTheMomentOfReceiptOrLater() {
    assertThat(isRecurrence(candidate, priorClosedAt(C_RECEIVED))).isFalse();
    assertThat(isRecurrence(candidate, priorClosedAt(C_RECEIVED.plusSeconds(1)))).isFalse();
  }

  @Test
  void ignoresPriorCasesThatAreNotClosed() {
    CaseRecord[] notClosed =
        Stream.of(CaseStatus.IN_PROGRESS, CaseStatus.WITHDRAWN)
            .map(
                status ->
                    aCase()
                        .caseId("P-" + status.wireName())
                        .receivedAt(C_RECEIVED.minus(Duration.ofDays(10)))
                        .status(status)
                        .build())
            .toArray(CaseRecord[]::new);

    assertThat(isRecurrence(candidate, notClosed)).isFalse();
  }

  @Test
  void neverCountsAWithdrawnCandidate() {
    CaseRecord withdrawn =
        aCase().caseId("C").receivedAt(C_RECEIVED).status(CaseStatus.WITHDRAWN).build();

    assertThat(isRecurrence(withdrawn, priorClosedAt(C_RECEIVED.minus(Duration.ofDays(1)))))
        .isFalse();
  }

  @Test
  void countsEveryCaseOfAChainButNotTheFirst() {
    CaseRecord first =
        aCase().caseId("1").receivedAt(C_RECEIVED).closedAt(C_RECEIVED.plusSeconds(3600)).build();
    CaseRecord second =
        aCase()
            .caseId("2")
            .receivedAt(C_RECEIVED.plus(Duration.ofDays(30)))
            .closedAt(C_RECEIVED.plus(Duration.ofDays(31)))
            .build();
    CaseRecord third = aCase().caseId("3").receivedAt(C_RECEIVED.plus(Duration.ofDays(60))).build();

    assertThat(RecurrenceRule.recurrencesInGroup(List.of(third, first, second)))
        .containsExactlyInAnyOrder(second.key(), third.key());
  }

  @Test
  void onlyMatchesTheSameTenantEnterpriseAndCategory() {
    Instant closed = C_RECEIVED.minus(Duration.ofDays(5));
    List<CaseRecord> cases = new ArrayList<>(List.of(candidate));
    Stream.of(
            aCase().caseId("P1").category(Category.FINANCE),
            aCase().caseId("P2").uscc(CaseRecordFixture.OTHER_USCC),
            aCase().caseId("P3").tenantCode("330500"))
        .map(other -> other.receivedAt(closed.minusSeconds(60)).closedAt(closed).build())
        .forEach(cases::add);

    assertThat(RecurrenceRule.recurrences(cases)).isEmpty();
  }

  @Test
  void refusesCasesOfDifferentGroupsAsOneGroup() {
    CaseRecord other = aCase().caseId("X").category(Category.DATA).build();

    assertThatThrownBy(() -> RecurrenceRule.recurrencesInGroup(List.of(candidate, other)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
