package io.liangshai.api;

import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus gauge {@code liangshai_quarantined_records}: the lines the stream job has set aside,
 * read from ClickHouse on a timer off the event loop — never per scrape. While ClickHouse cannot
 * answer it keeps the last value it read (0 before the first), and says so once in the log.
 */
final class QuarantineGauge {

  static final String NAME = "liangshai_quarantined_records";
  private static final Logger LOG = LoggerFactory.getLogger(QuarantineGauge.class);

  private final QuarantineTable table;
  private final AtomicLong lines = new AtomicLong();
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile boolean failing;
  private long timer = -1;

  QuarantineGauge(QuarantineTable table, MeterRegistry meters) {
    this.table = Objects.requireNonNull(table, "table");
    Gauge.builder(NAME, lines, AtomicLong::doubleValue)
        .description(
            "Landed lines the stream job set aside in the quarantine table instead of failing"
                + " (GET /api/v1/quarantine)")
        .register(meters);
  }

  /** Reads the count now and then every {@code period}. */
  synchronized void start(Vertx vertx, Duration period) {
    if (timer >= 0) {
      return;
    }
    refresh(vertx);
    timer = vertx.setPeriodic(period.toMillis(), id -> refresh(vertx));
  }

  synchronized void stop(Vertx vertx) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** One read at a time: a hanging ClickHouse holds at most one worker thread. */
  private void refresh(Vertx vertx) {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    vertx
        .executeBlocking(table::totalLines, false)
        .onComplete(
            r -> {
              reading.set(false);
              if (r.succeeded()) {
                lines.set(r.result());
                failing = false;
              } else if (!failing) {
                failing = true;
                LOG.warn("{} keeps its last value {}: {}", NAME, lines.get(), r.cause().toString());
              }
            });
  }
}
