package io.liangshai.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A Prometheus gauge whose value a {@link PeriodicRead} reads from ClickHouse: started with the
 * server ({@link #start}), stopped with it.
 */
abstract class PeriodicGauge {

  private final PeriodicRead<?> read;

  PeriodicGauge(PeriodicRead<?> read) {
    this.read = Objects.requireNonNull(read, "read");
  }

  /**
   * Registers the multi-gauge {@code name} on {@code meters}; each answer of {@code rows} (a series
   * per row) replaces the last, so a series without a row is gone.
   */
  static PeriodicRead<List<MultiGauge.Row<?>>> multiGauge(
      String name,
      String description,
      MeterRegistry meters,
      Callable<List<MultiGauge.Row<?>>> rows) {
    MultiGauge gauge = MultiGauge.builder(name).description(description).register(meters);
    return new PeriodicRead<>(name, rows, r -> gauge.register(r, true));
  }

  /** Reads now and then every {@code period}. */
  final void start(Vertx vertx, Duration period) {
    read.start(vertx, period);
  }

  final void stop(Vertx vertx) {
    read.stop(vertx);
  }
}
