package io.liangshai.stream;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * others — also of cases received earlier — so every changed verdict is sent on.
 *
 * <p>A change it cannot process goes to the {@link Quarantine}; the verdicts it had sent on before
 * failing are still sent, so the facts downstream agree with the group's state.
 */
public class RecurrenceGroupFunction extends KeyedProcessFunction<String, GroupChange, FactUpdate> {

  private transient MapState<String, CaseRecord> members;
  private transient MapState<String, Boolean> verdicts;

  static final String NAME = "recurrence groups";
  private final Quarantine quarantine = new Quarantine(NAME);

  @Override
  public void open(OpenContext ctx) {
    members =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("members", Types.STRING, Types.POJO(CaseRecord.class)));
    verdicts =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("verdicts", Types.STRING, Types.BOOLEAN));
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(GroupChange change, Context ctx, Collector<FactUpdate> out)
      throws Exception {
    List<FactUpdate> updates = new ArrayList<>();
    try {
      update(change, new ListCollector<>(updates));
    } catch (RuntimeException e) {
      ctx.output(Quarantine.OUTPUT, quarantine.row(change, e));
    }
    for (FactUpdate u : updates) {
      out.collect(u.from(change.origin()));
    }
  }

  private void update(GroupChange change, Collector<FactUpdate> out) throws Exception {
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
        out.collect(new FactUpdate(FactUpdate.caseKeyOf(r), r, verdict));
      }
    }
  }
}
