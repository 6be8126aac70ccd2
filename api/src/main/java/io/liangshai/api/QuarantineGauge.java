package io.liangshai.api;

import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus gauge {@code liangshai_quarantined_records}: the lines the stream job has set aside,
 * read from ClickHouse by a {@link PeriodicRead} (0 before the first read).
 */
final class QuarantineGauge extends PeriodicGauge {

  static final String NAME = "liangshai_quarantined_records";

  QuarantineGauge(QuarantineTable table, MeterRegistry meters) {
    this(Objects.requireNonNull(table, "table"), meters, new AtomicLong());
  }

  private QuarantineGauge(QuarantineTable table, MeterRegistry meters, AtomicLong lines) {
    super(new PeriodicRead<>(NAME, table::totalLines, lines::set));
    Gauge.builder(NAME, lines, AtomicLong::doubleValue)
        .description(
            "Landed lines the stream job set aside in the quarantine table instead of failing"
                + " (GET /api/v1/quarantine)")
        .register(meters);
  }
}
