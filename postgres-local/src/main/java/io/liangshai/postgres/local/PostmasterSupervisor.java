package io.liangshai.postgres.local;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the server of a {@link LocalPostgres} back when its postmaster dies before {@code
 * close()}: one daemon thread waits for the current postmaster to exit, then starts a new one on
 * the same cluster and port (PostgreSQL recovers from its write-ahead log). Attempts back off from
 * {@link #FIRST_DELAY} to {@link #MAX_DELAY}.
 */
final class PostmasterSupervisor {

  static final Duration FIRST_DELAY = Duration.ofMillis(250);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(PostmasterSupervisor.class);

  private final Supplier<Postmaster> current;
  private final Supplier<Postmaster> relaunch;
  private final BooleanSupplier closed;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Thread thread;

  /**
   * @param relaunch starts a replacement and returns it once it serves; throws if it does not
   */
  PostmasterSupervisor(
      Supplier<Postmaster> current, Supplier<Postmaster> relaunch, BooleanSupplier closed) {
    this.current = current;
    this.relaunch = relaunch;
    this.closed = closed;
    this.thread = new Thread(this::supervise, "local-postgres-supervisor");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    thread.interrupt();
  }

  int restarts() {
    return restarts.get();
  }

  private void supervise() {
    Duration delay = FIRST_DELAY;
    while (!closed.getAsBoolean()) {
      try {
        Postmaster dead = current.get();
        dead.handle().onExit().get();
        if (closed.getAsBoolean()) {
          return;
        }
        LOG.warn(
            "PostgreSQL postmaster {} exited; starting it again in {} ms",
            dead.handle().pid(),
            delay.toMillis());
        dead.stop(1);
        Thread.sleep(delay.toMillis());
        Postmaster again = relaunch.get();
        delay = FIRST_DELAY;
        LOG.warn(
            "PostgreSQL started again (postmaster {}, restart {})",
            again.handle().pid(),
            restarts.incrementAndGet());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
        if (closed.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.error("PostgreSQL could not be started again (will retry): {}", e.getMessage());
        Duration doubled = delay.multipliedBy(2);
        delay = doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
      }
    }
  }
}
