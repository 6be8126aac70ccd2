package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The job's keyed operators wired by hand in test harnesses (one subtask each), so a test can push
 * records in any order and read the counts and facts the job would write.
 */
final class OperatorChain implements AutoCloseable {

  private final KeyedOneInputStreamOperatorTestHarness<String, Landed, GroupChange> latest;
  private final KeyedOneInputStreamOperatorTestHarness<String, GroupChange, FactUpdate> groups;
  private final KeyedOneInputStreamOperatorTestHarness<String, FactUpdate, CountDelta> facts;
  private final KeyedOneInputStreamOperatorTestHarness<String, CountDelta, CountRow> counts;
  private final Map<String, IndicatorCounts> latestCounts = new HashMap<>();
  private final Map<String, CaseFactRow> latestFacts = new HashMap<>();
  private final List<CountDelta> allDeltas = new ArrayList<>();
  private final List<QuarantinedLine> quarantined = new ArrayList<>();
  private long lines;

  OperatorChain(TenantHierarchy hierarchy) throws Exception {
    latest = KeyedHarness.opened(new LatestVersionFunction(), Landed::caseKey);
    groups = KeyedHarness.opened(new RecurrenceGroupFunction(), GroupChange::groupKey);
    facts = KeyedHarness.opened(new CaseFactsFunction(hierarchy), FactUpdate::caseKey);
    counts = KeyedHarness.opened(new PeriodCountsOperator(0), CountDelta::key);
  }

  /** Pushes one record through every operator, as the next line of batch {@code b_chain}. */
  void push(CaseRecord record) throws Exception {
    latest.processElement(new Landed(new Origin("b_chain", ++lines), record), 0);
    drainQuarantine(latest);
    for (GroupChange c : drain(latest)) {
      groups.processElement(c, 0);
      drainQuarantine(groups);
      for (FactUpdate u : drain(groups)) {
        facts.processElement(u, 0);
        drainQuarantine(facts);
        for (CountDelta d : drain(facts)) {
          allDeltas.add(d);
          counts.processElement(d, 0);
          drainQuarantine(counts);
        }
        var side = facts.getSideOutput(CaseFactsFunction.FACTS);
        if (side != null) {
          while (!side.isEmpty()) {
            CaseFactRow row = side.poll().getValue();
            latestFacts.put(row.record().key().asString(), row);
          }
        }
      }
    }
  }

  /** The counts as the sink would hold them after a checkpoint (flushes first). */
  Map<String, IndicatorCounts> counts() throws Exception {
    counts.prepareSnapshotPreBarrier(1);
    for (CountRow row : drain(counts)) {
      latestCounts.put(row.tenant() + '|' + row.periodKind() + '|' + row.period(), row.counts());
    }
    return Map.copyOf(latestCounts);
  }

  IndicatorCounts counts(String tenant, String kind, String period) throws Exception {
    return counts().getOrDefault(tenant + '|' + kind + '|' + period, IndicatorCounts.ZERO);
  }

  Map<String, CaseFactRow> facts() {
    return Map.copyOf(latestFacts);
  }

  List<CountDelta> deltas() {
    return List.copyOf(allDeltas);
  }

  /** Every quarantine row any operator sent so far. */
  List<QuarantinedLine> quarantined() {
    return List.copyOf(quarantined);
  }

  /**
   * How many keyed state entries each operator holds, by operator name (a heap state backend counts
   * one entry per state and key).
   */
  Map<String, Integer> stateEntries() {
    return Map.of(
        LatestVersionFunction.NAME, latest.numKeyedStateEntries(),
        RecurrenceGroupFunction.NAME, groups.numKeyedStateEntries(),
        CaseFactsFunction.NAME, facts.numKeyedStateEntries(),
        PeriodCountsOperator.NAME, counts.numKeyedStateEntries());
  }

  /** The case ids recurrence group {@code group} holds in its keyed state. */
  Set<String> groupMembers(String group) throws Exception {
    AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) groups.getOperator();
    operator.setCurrentKey(group);
    Set<String> ids = new TreeSet<>();
    operator
        .getKeyedStateStore()
        .getMapState(RecurrenceGroupFunction.MEMBERS)
        .keys()
        .forEach(ids::add);
    return ids;
  }

  private void drainQuarantine(KeyedOneInputStreamOperatorTestHarness<String, ?, ?> h) {
    var side = h.getSideOutput(Quarantine.OUTPUT);
    while (side != null && !side.isEmpty()) {
      quarantined.add(side.poll().getValue());
    }
  }

  private static <T> List<T> drain(KeyedOneInputStreamOperatorTestHarness<String, ?, T> h) {
    List<T> out = new ArrayList<>(h.extractOutputValues());
    h.getOutput().clear();
    return out;
  }

  @Override
  public void close() throws Exception {
    latest.close();
    groups.close();
    facts.close();
    counts.close();
  }
}
