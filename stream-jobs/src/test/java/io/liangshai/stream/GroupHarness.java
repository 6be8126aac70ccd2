package io.liangshai.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** A recurrence-group function in a test harness, keyed by group as in the job. */
final class GroupHarness implements AutoCloseable {

  final KeyedOneInputStreamOperatorTestHarness<String, GroupChange, FactUpdate> harness;

  private GroupHarness(KeyedProcessFunction<String, GroupChange, FactUpdate> function)
      throws Exception {
    harness = KeyedHarness.of(function, GroupChange::groupKey);
  }

  /** An opened harness around {@code function}. */
  static GroupHarness open(KeyedProcessFunction<String, GroupChange, FactUpdate> function)
      throws Exception {
    return restore(function, null);
  }

  /** A harness around {@code function} restored from {@code state} (none when null), opened. */
  static GroupHarness restore(
      KeyedProcessFunction<String, GroupChange, FactUpdate> function, OperatorSubtaskState state)
      throws Exception {
    GroupHarness h = new GroupHarness(function);
    if (state != null) {
      h.harness.initializeState(state);
    }
    h.harness.open();
    return h;
  }

  /** Processes {@code change} and returns the updates it sent. */
  List<FactUpdate> process(GroupChange change) throws Exception {
    harness.processElement(change, 0);
    List<FactUpdate> out = new ArrayList<>(harness.extractOutputValues());
    harness.getOutput().clear();
    return out;
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1, 0);
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
