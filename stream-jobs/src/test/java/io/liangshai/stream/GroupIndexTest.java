package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link GroupIndex} against {@link RecurrenceRule}, change by change. */
class GroupIndexTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration STEP = Duration.ofDays(15); // 90 days are 6 steps
  private static final int[] JITTER = {-1, 0, 0, 0, 1};

  @Test
  void randomChangesToSmallGroupsFlipExactlyTheVerdictsTheRuleChanges() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int cases = 1 + random.nextInt(8);
      GroupIndex index = GroupIndex.of(List.of());
      Map<String, CaseRecord> members = new HashMap<>();
      for (int step = 0; step < 25; step++) {
        String id = "c" + random.nextInt(cases);
        CaseRecord current = random.nextInt(6) == 0 ? null : randomVersion(id, random);
        Set<CaseKey> before = RecurrenceRule.recurrencesInGroup(members.values());

        Map<String, Boolean> flips = index.replace(members.get(id), current);
        if (current == null) {
          members.remove(id);
        } else {
          members.put(id, current);
        }

        Set<CaseKey> after = RecurrenceRule.recurrencesInGroup(members.values());
        Map<String, Boolean> expected = new HashMap<>();
        for (CaseRecord m : members.values()) {
          boolean now = after.contains(m.key());
          if (!m.caseId().equals(id) && before.contains(m.key()) != now) {
            expected.put(m.caseId(), now);
          }
          assertThat(index.isRecurrence(m))
              .as("round %d step %d, %s", round, step, m)
              .isEqualTo(now);
        }
        assertThat(flips)
            .as("round %d step %d: %s → %s", round, step, id, current)
            .isEqualTo(expected);
        assertThat(index.size()).isEqualTo(GroupIndex.of(members.values()).size());
      }
    }
  }

  @Test
  void removingAClosingFlipsOnlyTheCasesNoOtherClosingCovers() {
    // Closings a (day 0) < x (day 30) < b (day 100): without x, (day 90, day 100] is uncovered.
    List<CaseRecord> group = new ArrayList<>();
    group.add(closed("a", day(0)));
    CaseRecord x = closed("x", day(30));
    group.add(x);
    group.add(closed("b", day(100)));
    for (Instant t : List.of(day(90), day(90).plusSeconds(1), day(100), day(100).plusSeconds(1))) {
      group.add(aCase().caseId("at-" + t).receivedAt(t).build());
    }
    GroupIndex index = GroupIndex.of(group);
    assertThat(group)
        .allSatisfy(c -> assertThat(index.isRecurrence(c)).isEqualTo(c != group.get(0)));

    Map<String, Boolean> flips = index.replace(x, null);

    // b itself was received on day 100: only x covered it.
    assertThat(flips)
        .containsOnlyKeys("b", "at-" + day(90).plusSeconds(1), "at-" + day(100))
        .doesNotContainValue(true);

    assertThat(index.replace(null, x))
        .as("x back: the same cases again")
        .containsOnlyKeys("b", "at-" + day(90).plusSeconds(1), "at-" + day(100))
        .doesNotContainValue(false);
  }

  @Test
  void anEqualClosingKeepsTheCasesWhenOneOfTwoReopens() {
    CaseRecord first = closed("first", day(10));
    CaseRecord second = closed("second", day(10));
    CaseRecord later = aCase().caseId("later").receivedAt(day(40)).build();
    GroupIndex index = GroupIndex.of(List.of(first, second, later));

    CaseRecord reopened =
        aCase()
            .caseId("first")
            .receivedAt(day(10))
            .updatedAt(day(11))
            .status(CaseStatus.IN_PROGRESS)
            .build();

    assertThat(index.replace(first, reopened)).isEmpty();
    assertThat(index.isRecurrence(later)).isTrue();
    assertThat(index.replace(second, null)).containsExactly(Map.entry("later", false));
  }

  @Test
  void theWindowSaturatesAtTheEndsOfTheInstantRange() {
    assertThat(GroupIndex.plusWindow(Instant.MAX)).isEqualTo(Instant.MAX);
    assertThat(GroupIndex.plusWindow(Instant.MAX.minus(Duration.ofDays(1)))).isEqualTo(Instant.MAX);
    assertThat(GroupIndex.minusWindow(Instant.MIN)).isEqualTo(Instant.MIN);
    assertThat(GroupIndex.plusWindow(START)).isEqualTo(START.plus(RecurrenceRule.WINDOW));
    assertThat(GroupIndex.minusWindow(START)).isEqualTo(START.minus(RecurrenceRule.WINDOW));
  }

  private static CaseRecord randomVersion(String id, Random random) {
    int steps = random.nextInt(13);
    Instant received = grid(steps, random);
    CaseStatus status = CaseStatus.values()[random.nextInt(CaseStatus.values().length)];
    if (status == CaseStatus.CLOSED || random.nextBoolean()) {
      Instant closing = grid(steps + random.nextInt(8), random);
      return aCase()
          .caseId(id)
          .receivedAt(received)
          .closedAt(closing.isBefore(received) ? received : closing)
          .build();
    }
    return aCase().caseId(id).receivedAt(received).status(status).build();
  }

  /** A time on the 15-day grid, mostly exactly on it, sometimes a second either side. */
  private static Instant grid(int steps, Random random) {
    return START.plus(STEP.multipliedBy(steps)).plusSeconds(JITTER[random.nextInt(JITTER.length)]);
  }

  private static Instant day(int n) {
    return START.plus(Duration.ofDays(n));
  }

  private static CaseRecord closed(String id, Instant at) {
    return aCase().caseId(id).receivedAt(at).closedAt(at).build();
  }
}
