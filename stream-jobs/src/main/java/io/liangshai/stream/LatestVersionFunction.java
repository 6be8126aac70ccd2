package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersions;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by case ({@code tenant|case_id}): keeps the newest version of each case (greatest {@code
 * updated_at}; SPEC §2) and tells the recurrence groups when it changes. An older or identical
 * version arriving later changes nothing, so the outcome does not depend on arrival order.
 */
public class LatestVersionFunction extends KeyedProcessFunction<String, CaseRecord, GroupChange> {

  private transient ValueState<CaseRecord> current;

  @Override
  public void open(OpenContext ctx) {
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", CaseRecord.class));
  }

  @Override
  public void processElement(CaseRecord incoming, Context ctx, Collector<GroupChange> out)
      throws Exception {
    CaseRecord previous = current.value();
    if (previous != null) {
      if (previous.equals(incoming) || CaseVersions.newer(previous, incoming) == previous) {
        return;
      }
      if (!GroupChange.groupKeyOf(previous).equals(GroupChange.groupKeyOf(incoming))) {
        out.collect(GroupChange.leave(previous));
      }
    }
    current.update(incoming);
    out.collect(GroupChange.join(incoming));
  }
}
