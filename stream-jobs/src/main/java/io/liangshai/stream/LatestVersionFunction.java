package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersions;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by case ({@code tenant|case_id}): keeps the newest version of each case (greatest {@code
 * updated_at}; SPEC §2) and tells the recurrence groups when it changes. An older or identical
 * version arriving later changes nothing, so the outcome does not depend on arrival order. A record
 * it cannot process goes to the {@link Quarantine}, the state as it was.
 */
public class LatestVersionFunction extends KeyedProcessFunction<String, Landed, GroupChange> {

  static final String NAME = "latest version";

  private final Quarantine quarantine = new Quarantine(NAME);
  private transient ValueState<CaseRecord> current;

  @Override
  public void open(OpenContext ctx) {
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", CaseRecord.class));
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(Landed landed, Context ctx, Collector<GroupChange> out)
      throws Exception {
    CaseRecord previous = current.value();
    List<GroupChange> changes;
    try {
      changes = changes(previous, landed.record(), landed.origin());
    } catch (RuntimeException e) {
      ctx.output(Quarantine.OUTPUT, quarantine.row(landed.origin(), landed.record(), e));
      return;
    }
    if (changes.isEmpty()) {
      return;
    }
    current.update(landed.record());
    changes.forEach(out::collect);
  }

  /** What the incoming version changes: nothing, or a join (after a leave of the old group). */
  private static List<GroupChange> changes(
      CaseRecord previous, CaseRecord incoming, Origin origin) {
    List<GroupChange> changes = new ArrayList<>(2);
    if (previous != null) {
      if (previous.equals(incoming) || CaseVersions.newer(previous, incoming) == previous) {
        return changes;
      }
      if (!GroupChange.groupKeyOf(previous).equals(GroupChange.groupKeyOf(incoming))) {
        changes.add(GroupChange.leave(previous, origin));
      }
    }
    changes.add(GroupChange.join(incoming, origin));
    return changes;
  }
}
