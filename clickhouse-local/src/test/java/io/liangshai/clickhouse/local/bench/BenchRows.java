package io.liangshai.clickhouse.local.bench;

import java.time.Instant;

/** The rows both insert benchmarks write: case-like records, deterministic. */
final class BenchRows {

  static final int COUNT = 100_000;
  static final String TABLE_DDL =
      "CREATE TABLE bench_cases (id UInt32, tenant String, received DateTime, amount Float64)"
          + " ENGINE = MergeTree ORDER BY (tenant, id)";
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private BenchRows() {}

  static String tenant(int i) {
    return "tenant-" + (i % 7);
  }

  static long receivedEpochSecond(int i) {
    return START.getEpochSecond() + i;
  }

  static double amount(int i) {
    return i * 0.5;
  }
}
