package io.liangshai.api;

import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus gauge {@code liangshai_quarantined_records}: the lines the stream job has set aside,
 * read from ClickHouse by a {@link PeriodicRead} (0 before the first read).
 */
final class QuarantineGauge {

  static final String NAME = "liangshai_quarantined_records";

  private final AtomicLong lines = new AtomicLong();
  private final PeriodicRead<Long> read;

  QuarantineGauge(QuarantineTable table, MeterRegistry meters) {
    Objects.requireNonNull(table, "table");
    Gauge.builder(NAME, lines, AtomicLong::doubleValue)
        .description(
            "Landed lines the stream job set aside in the quarantine table instead of failing"
                + " (GET /api/v1/quarantine)")
        .register(meters);
    this.read = new PeriodicRead<>(NAME, table::totalLines, lines::set);
  }

  /** Reads the count now and then every {@code period}. */
  void start(Vertx vertx, Duration period) {
    read.start(vertx, period);
  }

  void stop(Vertx vertx) {
    read.stop(vertx);
  }
}
