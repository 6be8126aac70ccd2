package io.liangshai.stream;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * What {@link RecurrenceGroupFunction} did before it kept a {@link GroupIndex}: copy the whole
 * group and let {@link RecurrenceRule} sort it on every change (O(n log n) per change). Kept as the
 * reference the indexed function must agree with, update for update, and to time against.
 */
class CopyAndSortGroupFunction extends KeyedProcessFunction<String, GroupChange, FactUpdate> {

  private transient MapState<String, CaseRecord> members;
  private transient MapState<String, Boolean> verdicts;

  @Override
  public void open(OpenContext ctx) {
    members = getRuntimeContext().getMapState(RecurrenceGroupFunction.MEMBERS);
    verdicts = getRuntimeContext().getMapState(RecurrenceGroupFunction.VERDICTS);
  }

  @Override
  public void processElement(GroupChange change, Context ctx, Collector<FactUpdate> out)
      throws Exception {
    if (change.record() == null) {
      members.remove(change.caseId());
      verdicts.remove(change.caseId());
    } else {
      members.put(change.caseId(), change.record());
    }
    List<CaseRecord> group = new ArrayList<>();
    for (CaseRecord r : members.values()) {
      group.add(r);
    }
    Set<CaseKey> recurrences = RecurrenceRule.recurrencesInGroup(group);
    for (CaseRecord r : group) {
      boolean verdict = recurrences.contains(r.key());
      Boolean previous = verdicts.get(r.caseId());
      boolean changed = r.caseId().equals(change.caseId());
      if (changed || previous == null || previous != verdict) {
        verdicts.put(r.caseId(), verdict);
        out.collect(FactUpdate.of(r, verdict));
      }
    }
  }
}
