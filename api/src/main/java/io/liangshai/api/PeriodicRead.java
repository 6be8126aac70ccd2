package io.liangshai.api;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read from ClickHouse on a timer off the event loop, for a gauge — never per scrape. One read at
 * a time: a hanging ClickHouse holds at most one worker thread. While the read fails the gauge
 * keeps its last value, and the log says so once.
 */
final class PeriodicRead<T> {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicRead.class);

  private final String name;
  private final Callable<T> read;
  private final Consumer<T> apply;
  private final AtomicBoolean reading = new AtomicBoolean();
  private volatile boolean failing;
  private long timer = -1;

  /** Reads with {@code read} (on a worker thread) and hands each answer to {@code apply}. */
  PeriodicRead(String name, Callable<T> read, Consumer<T> apply) {
    this.name = Objects.requireNonNull(name, "name");
    this.read = Objects.requireNonNull(read, "read");
    this.apply = Objects.requireNonNull(apply, "apply");
  }

  /** Reads now and then every {@code period}. */
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

  private void refresh(Vertx vertx) {
    if (!reading.compareAndSet(false, true)) {
      return;
    }
    vertx
        .executeBlocking(read, false)
        .onComplete(
            r -> {
              reading.set(false);
              if (r.succeeded()) {
                apply.accept(r.result());
                failing = false;
              } else if (!failing) {
                failing = true;
                LOG.warn("{} keeps its last value: {}", name, r.cause().toString());
              }
            });
  }
}
