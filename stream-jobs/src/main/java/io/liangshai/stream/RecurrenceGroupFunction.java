package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by recurrence group ({@code tenant|uscc|category}): holds the current version of every case
 * in the group and decides which are recurrences (重发复发: another case of the group closed in the 90
 * days before it was received). A case joining, changing or leaving can change the verdict of the
 * others — also of cases received earlier — so every changed verdict is sent on, and the changed
 * case itself always is.
 *
 * <p>Keyed state (members and verdicts) is the source of truth; a {@link GroupIndex} per group,
 * rebuilt from it on first use and held in a bounded {@link GroupIndexCache}, makes a change cost
 * O(log n) plus the verdicts it flips, however large the group.
 *
 * <p>A change it cannot process goes to the {@link Quarantine}; the verdicts it had sent on before
 * failing are still sent, so the facts downstream agree with the group's state.
 */
public class RecurrenceGroupFunction extends KeyedProcessFunction<String, GroupChange, FactUpdate> {

  /** Index entries held per subtask by default (about 100 bytes each). */
  public static final long DEFAULT_INDEX_BUDGET = 200_000;

  /** The group's members: case id → its current version. */
  static final MapStateDescriptor<String, CaseRecord> MEMBERS =
      new MapStateDescriptor<>("members", Types.STRING, Types.POJO(CaseRecord.class));

  /** The verdict last sent on for each member: case id → recurrence. */
  static final MapStateDescriptor<String, Boolean> VERDICTS =
      new MapStateDescriptor<>("verdicts", Types.STRING, Types.BOOLEAN);

  private final long indexBudget;
  private transient MapState<String, CaseRecord> members;
  private transient MapState<String, Boolean> verdicts;
  private transient GroupIndexCache indexes;

  public RecurrenceGroupFunction() {
    this(DEFAULT_INDEX_BUDGET);
  }

  /**
   * @param indexBudget how many index entries this subtask keeps in memory
   */
  public RecurrenceGroupFunction(long indexBudget) {
    if (indexBudget < 1) {
      throw new IllegalArgumentException("indexBudget must be at least 1, was " + indexBudget);
    }
    this.indexBudget = indexBudget;
  }

  static final String NAME = "recurrence groups";
  private final Quarantine quarantine = new Quarantine(NAME);

  @Override
  public void open(OpenContext ctx) {
    members = getRuntimeContext().getMapState(MEMBERS);
    verdicts = getRuntimeContext().getMapState(VERDICTS);
    quarantine.open(getRuntimeContext().getMetricGroup());
    indexes = new GroupIndexCache(indexBudget);
  }

  @Override
  public void processElement(GroupChange change, Context ctx, Collector<FactUpdate> out)
      throws Exception {
    List<FactUpdate> updates = new ArrayList<>();
    try {
      apply(ctx.getCurrentKey(), change, new ListCollector<>(updates));
    } catch (RuntimeException e) {
      ctx.output(Quarantine.OUTPUT, quarantine.row(change, e));
    }
    for (FactUpdate u : updates) {
      out.collect(u.from(change.origin()));
    }
  }

  /** Applies {@code change} to the group's state and index and sends the verdicts it decides. */
  private void apply(String group, GroupChange change, Collector<FactUpdate> out) throws Exception {
    if (change.record() != null && !GroupChange.groupKeyOf(change.record()).equals(group)) {
      throw new IllegalArgumentException(
          "case "
              + change.caseId()
              + " belongs to recurrence group "
              + GroupChange.groupKeyOf(change.record())
              + ", not to "
              + group);
    }
    GroupIndex index = indexes.get(group, () -> GroupIndex.of(members.values()));
    try {
      String caseId = change.caseId();
      CaseRecord current = change.record();
      Map<String, Boolean> flips = index.replace(members.get(caseId), current);
      if (current == null) {
        members.remove(caseId);
        verdicts.remove(caseId);
      } else {
        members.put(caseId, current);
        send(current, index.isRecurrence(current), out);
      }
      for (Map.Entry<String, Boolean> flip : flips.entrySet()) {
        send(members.get(flip.getKey()), flip.getValue(), out);
      }
    } catch (Exception e) {
      indexes.invalidate(group); // the index may disagree with keyed state now: rebuild it
      throw e;
    }
    indexes.settle(group);
  }

  private void send(CaseRecord r, boolean recurrence, Collector<FactUpdate> out) throws Exception {
    verdicts.put(r.caseId(), recurrence);
    out.collect(FactUpdate.of(r, recurrence));
  }
}
