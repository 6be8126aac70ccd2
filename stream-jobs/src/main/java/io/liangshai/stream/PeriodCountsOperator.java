package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by {@code tenant|kind|period}: sums the count deltas into the counts as they stand, and
 * emits each changed row once per flush instead of once per delta. It flushes on a short timer and
 * always before a checkpoint barrier, so a completed checkpoint means every count of every record
 * read before it has reached the sink. A delta it cannot add goes to the {@link Quarantine}, the
 * counts as they were.
 */
public class PeriodCountsOperator extends AbstractStreamOperator<CountRow>
    implements OneInputStreamOperator<CountDelta, CountRow>, BoundedOneInput {

  /** Counts of one tenant and period, and the version last written. */
  public record Held(
      String tenant, String periodKind, String period, IndicatorCounts counts, long version) {}

  static final String NAME = "period counts";

  private final long flushIntervalMs;
  private final Quarantine quarantine = new Quarantine(NAME);
  private transient ValueState<Held> held;
  private transient Set<Object> dirty;

  public PeriodCountsOperator(long flushIntervalMs) {
    this.flushIntervalMs = flushIntervalMs;
  }

  @Override
  public void open() throws Exception {
    super.open();
    held =
        getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new ValueStateDescriptor<>("counts", Held.class));
    dirty = new LinkedHashSet<>();
    quarantine.open(getMetricGroup());
    if (flushIntervalMs > 0) {
      getProcessingTimeService()
          .scheduleWithFixedDelay(t -> flush(), flushIntervalMs, flushIntervalMs);
    }
  }

  @Override
  public void processElement(StreamRecord<CountDelta> element) throws Exception {
    CountDelta d = element.getValue();
    Held before = held.value();
    Held after;
    try {
      IndicatorCounts counts =
          (before == null ? IndicatorCounts.ZERO : before.counts()).plus(d.delta());
      after =
          new Held(
              d.tenant(),
              d.periodKind(),
              d.period(),
              counts,
              before == null ? 0 : before.version());
    } catch (RuntimeException e) {
      QuarantinedLine row = quarantine.row(d.origin(), d.tenant(), "", e, String.valueOf(d));
      output.collect(Quarantine.OUTPUT, new StreamRecord<>(row));
      return;
    }
    held.update(after);
    dirty.add(getCurrentKey());
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush();
  }

  @Override
  public void endInput() throws Exception {
    flush();
  }

  private void flush() throws Exception {
    if (dirty.isEmpty()) {
      return;
    }
    for (Object key : dirty) {
      setCurrentKey(key);
      Held h = held.value();
      Held written =
          new Held(h.tenant(), h.periodKind(), h.period(), h.counts(), Versions.next(h.version()));
      held.update(written);
      output.collect(
          new StreamRecord<>(
              new CountRow(
                  written.tenant(),
                  written.periodKind(),
                  written.period(),
                  written.counts(),
                  written.version())));
    }
    dirty.clear();
  }
}
