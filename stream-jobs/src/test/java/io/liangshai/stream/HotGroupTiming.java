package io.liangshai.stream;

import java.util.List;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * Times one hot recurrence group ({@link HotGroupFeed}: all versions of n cases) through the
 * copy-and-sort function and the indexed one, in a test harness. A measurement, not a test: run it
 * by hand with the test class path, e.g. {@code java -cp … io.liangshai.stream.HotGroupTiming 20000
 * 40000}; add {@code indexed} as the first argument to time only the indexed function.
 */
public final class HotGroupTiming {

  private HotGroupTiming() {}

  public static void main(String[] args) throws Exception {
    boolean indexedOnly = args.length > 0 && args[0].equals("indexed");
    for (int i = indexedOnly ? 1 : 0; i < args.length; i++) {
      int cases = Integer.parseInt(args[i]);
      List<GroupChange> changes = HotGroupFeed.changes(HotGroupFeed.versions(cases, 11));
      if (!indexedOnly) {
        report(cases, changes, "copy-and-sort", new CopyAndSortGroupFunction());
      }
      report(cases, changes, "indexed", new RecurrenceGroupFunction());
    }
  }

  private static void report(
      int cases,
      List<GroupChange> changes,
      String name,
      KeyedProcessFunction<String, GroupChange, FactUpdate> function)
      throws Exception {
    long updates = 0;
    long start = System.nanoTime();
    try (GroupHarness h = GroupHarness.open(function)) {
      for (GroupChange c : changes) {
        updates += h.process(c).size();
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%-14s %,7d cases %,7d changes %,9d updates %,9d ms%n",
        name, cases, changes.size(), updates, ms);
  }
}
