package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersions;
import io.liangshai.core.testing.SampleFeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.junit.jupiter.api.Test;

/**
 * The indexed recurrence groups against the rule and against the copy-and-sort function they
 * replace: same verdicts, same updates, change by change — for a hot group, across a restart and
 * with an index budget so small that every change rebuilds.
 */
class RecurrenceGroupFunctionTest {

  @Test
  void aHotGroupSendsExactlyTheUpdatesOfCopyAndSortChangeByChange() throws Exception {
    // Copy-and-sort costs O(n² log n) for the whole group: minutes at 20,000 cases, so 2,000 here.
    List<GroupChange> changes = HotGroupFeed.changes(HotGroupFeed.versions(2_000, 5));
    GroupHarness indexed = GroupHarness.open(new RecurrenceGroupFunction());
    try (GroupHarness reference = GroupHarness.open(new CopyAndSortGroupFunction())) {
      long flips = 0;
      for (int i = 0; i < changes.size(); i++) {
        if (i == changes.size() / 2) {
          indexed = restarted(indexed); // the index is rebuilt from keyed state on first use
        }
        GroupChange change = changes.get(i);
        List<FactUpdate> sent = indexed.process(change);
        List<FactUpdate> expected = reference.process(change);
        assertThat(sent).as("change %d: %s", i, change).hasSameElementsAs(expected);
        assertThat(sent).as("change %d sent a case twice", i).hasSameSizeAs(expected);
        flips += sent.stream().filter(u -> !u.record().caseId().equals(change.caseId())).count();
      }
      assertThat(flips).as("verdicts of other cases flipped along the way").isGreaterThan(50);
      assertThat(indexed.harness.numKeyedStateEntries())
          .isEqualTo(reference.harness.numKeyedStateEntries());
    } finally {
      indexed.close();
    }
  }

  @Test
  void aHotGroupOf20000CasesSendsEachFlipOnceAndEndsWithTheRuleVerdicts() throws Exception {
    List<CaseRecord> feed = HotGroupFeed.versions(20_000, 11);
    List<GroupChange> changes = HotGroupFeed.changes(feed);
    SentVerdicts sent = new SentVerdicts();
    GroupHarness indexed = GroupHarness.open(new RecurrenceGroupFunction());
    try {
      for (int i = 0; i < changes.size(); i++) {
        if (i == changes.size() / 2) {
          indexed = restarted(indexed);
        }
        sent.apply(changes.get(i), indexed.process(changes.get(i)));
        if (i % 1_000 == 0) {
          sent.assertEqualsTheRule("after change " + i);
        }
      }
      sent.assertEqualsTheRule("at the end");

      Map<CaseKey, CaseRecord> newest = CaseVersions.latest(feed.stream());
      assertThat(sent.members()).containsExactlyInAnyOrderElementsOf(newest.values());
      Set<CaseKey> recurrences = RecurrenceRule.recurrences(newest.values());
      assertThat(recurrences.size())
          .as("both verdicts are common")
          .isBetween(newest.size() / 2, newest.size() - 500);

      Map<String, Long> sizes =
          newest.values().stream()
              .collect(Collectors.groupingBy(GroupChange::groupKeyOf, Collectors.counting()));
      assertThat(sizes).hasSize(2);
      // One members map and one verdicts map per group (a heap map state is one entry per key)...
      assertThat(indexed.harness.numKeyedStateEntries()).isEqualTo(2 * sizes.size());
      // ... holding exactly the current members: a case that left its group is gone from it.
      for (var group : sizes.entrySet()) {
        assertThat(entries(indexed, group.getKey(), RecurrenceGroupFunction.MEMBERS))
            .isEqualTo(group.getValue());
        assertThat(entries(indexed, group.getKey(), RecurrenceGroupFunction.VERDICTS))
            .isEqualTo(group.getValue());
      }
    } finally {
      indexed.close();
    }
  }

  @Test
  void anIndexBudgetOfOneEntryRebuildsOnEveryChangeAndSendsTheSameUpdates() throws Exception {
    List<CaseRecord> records = new ArrayList<>(SampleFeed.validRecords());
    Collections.shuffle(records, new Random(3));
    List<GroupChange> changes = HotGroupFeed.changes(records);
    assertThat(changes.stream().map(GroupChange::groupKey).distinct().count())
        .as("many groups, so indexes are dropped")
        .isGreaterThan(10);
    try (GroupHarness indexed = GroupHarness.open(new RecurrenceGroupFunction(1));
        GroupHarness reference = GroupHarness.open(new CopyAndSortGroupFunction())) {
      for (GroupChange c : changes) {
        assertThat(indexed.process(c)).as("%s", c).hasSameElementsAs(reference.process(c));
      }
      assertThat(indexed.harness.numKeyedStateEntries())
          .isEqualTo(reference.harness.numKeyedStateEntries());
    }
  }

  @Test
  void refusesAnIndexBudgetBelowOneEntry() {
    assertThatThrownBy(() -> new RecurrenceGroupFunction(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("indexBudget");
  }

  private static GroupHarness restarted(GroupHarness running) throws Exception {
    OperatorSubtaskState state = running.snapshot();
    running.close();
    return GroupHarness.restore(new RecurrenceGroupFunction(), state);
  }

  /** How many entries the map state {@code state} of the function holds for {@code group}. */
  private static long entries(GroupHarness h, String group, MapStateDescriptor<String, ?> state)
      throws Exception {
    AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) h.harness.getOperator();
    operator.setCurrentKey(group);
    MapState<String, ?> map = operator.getKeyedStateStore().getMapState(state);
    long n = 0;
    for (String ignored : map.keys()) {
      n++;
    }
    return n;
  }
}
