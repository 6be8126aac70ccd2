package io.liangshai.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * Times one hot recurrence group ({@link HotGroupFeed}: all versions of n cases) through the
 * indexed function and then the copy-and-sort one, in a test harness, and prints CPU and wall time.
 * A measurement, not a test: run it by hand with the test class path, e.g. {@code java -cp …
 * io.liangshai.stream.HotGroupTiming 20000 40000}; add {@code indexed} as the first argument to
 * time only the indexed function.
 */
public final class HotGroupTiming {

  private HotGroupTiming() {}

  public static void main(String[] args) throws Exception {
    boolean indexedOnly = args.length > 0 && args[0].equals("indexed");
    List<Integer> sizes = new ArrayList<>();
    for (int i = indexedOnly ? 1 : 0; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    for (int cases : sizes) {
      report(cases, "indexed", new RecurrenceGroupFunction());
    }
    if (!indexedOnly) {
      for (int cases : sizes) {
        report(cases, "copy-and-sort", new CopyAndSortGroupFunction());
      }
    }
  }

  /** Prints wall time and this thread's CPU time (the machine may be shared). */
  private static void report(
      int cases, String name, KeyedProcessFunction<String, GroupChange, FactUpdate> function)
      throws Exception {
    List<GroupChange> changes = HotGroupFeed.changes(HotGroupFeed.versions(cases, 11));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long updates = 0;
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    try (GroupHarness h = GroupHarness.open(function)) {
      for (GroupChange c : changes) {
        updates += h.process(c).size();
      }
    }
    System.out.printf(
        "%-14s %,7d cases %,7d changes %,9d updates %,9d ms CPU %,9d ms wall%n",
        name,
        cases,
        changes.size(),
        updates,
        (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
        (System.nanoTime() - wall) / 1_000_000);
  }
}
