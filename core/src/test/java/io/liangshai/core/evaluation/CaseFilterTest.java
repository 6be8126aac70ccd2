package io.liangshai.core.evaluation;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseFilterTest {

  private static final Instant RECEIVED = Instant.parse("2024-01-02T01:00:00Z");
  private static final Instant DEADLINE = RECEIVED.plus(Duration.ofDays(10));

  private static boolean matches(Map<String, ?> filter, CaseRecord r, boolean recurrence) {
    return CaseFilterParser.require(filter).matches(r, recurrence, DEADLINE);
  }

  private static CaseRecord closedAt(Instant closed) {
    return aCase().receivedAt(RECEIVED).status(CaseStatus.CLOSED).closedAt(closed).build();
  }

  @Test
  void theEmptyFilterMatchesEveryCase() {
    assertThat(matches(Map.of(), aCase().build(), false)).isTrue();
  }

  @Test
  void listKeysMatchOneOfTheirValues() {
    CaseRecord r =
        aCase()
            .category(Category.PROJECT)
            .channel(Channel.HOTLINE_12345)
            .escalationLevel(EscalationLevel.CITY)
            .build();
    assertThat(matches(Map.of("category", List.of("policy", "project")), r, false)).isTrue();
    assertThat(matches(Map.of("category", List.of("policy")), r, false)).isFalse();
    assertThat(matches(Map.of("channel", List.of("hotline_12345")), r, false)).isTrue();
    assertThat(matches(Map.of("channel", List.of("other")), r, false)).isFalse();
    assertThat(matches(Map.of("escalation_level", List.of("city")), r, false)).isTrue();
    assertThat(matches(Map.of("escalation_level", List.of("county")), r, false)).isFalse();
  }

  @Test
  void aCaseWithoutSatisfactionMatchesNoSatisfactionList() {
    List<String> all =
        List.of(
            "very_satisfied",
            "satisfied",
            "basically_satisfied",
            "dissatisfied",
            "very_dissatisfied");
    assertThat(matches(Map.of("satisfaction", all), aCase().satisfaction(null).build(), false))
        .isFalse();
    assertThat(
            matches(
                Map.of("satisfaction", List.of("dissatisfied")),
                aCase().satisfaction(Satisfaction.DISSATISFIED).build(),
                false))
        .isTrue();
  }

  @Test
  void overdueClosedFalseMatchesOpenCasesAndCasesClosedInTime() {
    Map<String, Boolean> notLate = Map.of("overdue_closed", false);
    assertThat(matches(notLate, aCase().receivedAt(RECEIVED).build(), false)).isTrue();
    assertThat(matches(notLate, closedAt(DEADLINE), false)).isTrue();
    assertThat(matches(notLate, closedAt(DEADLINE.plusNanos(1000)), false)).isFalse();
    assertThat(matches(Map.of("overdue_closed", true), closedAt(DEADLINE.plusNanos(1000)), false))
        .isTrue();
  }

  @Test
  void booleanKeysHoldWhenTheFactHasTheirValue() {
    CaseRecord plain = aCase().receivedAt(RECEIVED).build();
    CaseRecord marked =
        aCase()
            .receivedAt(RECEIVED)
            .reassignedCount(1)
            .leaderInstructed(true)
            .satisfaction(Satisfaction.SATISFIED)
            .build();
    for (String key : List.of("rated", "leader_instructed", "reassigned")) {
      assertThat(matches(Map.of(key, true), marked, false)).as(key).isTrue();
      assertThat(matches(Map.of(key, true), plain, false)).as(key).isFalse();
      assertThat(matches(Map.of(key, false), plain, false)).as(key).isTrue();
    }
    assertThat(matches(Map.of("closed", true), closedAt(DEADLINE), false)).isTrue();
    assertThat(matches(Map.of("closed", true), plain, false)).isFalse();
    assertThat(matches(Map.of("recurrence", true), plain, true)).isTrue();
    assertThat(matches(Map.of("recurrence", false), plain, true)).isFalse();
  }

  @Test
  void everyKeyMustHold() {
    CaseRecord r = aCase().category(Category.PROJECT).leaderInstructed(true).build();
    assertThat(matches(Map.of("category", List.of("project"), "leader_instructed", true), r, false))
        .isTrue();
    assertThat(matches(Map.of("category", List.of("project"), "closed", true), r, false)).isFalse();
  }
}
