package io.liangshai.stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Row versions for ClickHouse's ReplacingMergeTree: strictly increasing per key, and after a
 * restore from a checkpoint greater than anything written before the failure (they follow the wall
 * clock), so replayed rows replace the rows they repeat.
 */
final class Versions {

  private Versions() {}

  static long next(long previous) {
    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return Math.max(previous + 1, now);
  }
}
