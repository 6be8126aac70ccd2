package io.liangshai.reports.schedule;

import io.liangshai.reports.Series;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many runs of each series have completed in this process (for the API and tests). */
final class RunCounter {

  private final Map<Series, AtomicLong> runs = new ConcurrentHashMap<>();

  void ran(Series series) {
    runs.computeIfAbsent(series, s -> new AtomicLong()).incrementAndGet();
  }

  long runs(Series series) {
    AtomicLong n = runs.get(series);
    return n == null ? 0 : n.get();
  }
}
