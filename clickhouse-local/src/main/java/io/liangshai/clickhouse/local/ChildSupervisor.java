package io.liangshai.clickhouse.local;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a {@link LocalClickHouse} child back when it dies before {@code close()}: one daemon
 * thread waits for the current child to exit, then starts a replacement on the same data directory
 * and port (the kernel releases the engine's lock on the directory with the dead process). Attempts
 * back off from {@link #FIRST_DELAY} to {@link #MAX_DELAY}; a child that served for {@link
 * #STABLE_AFTER} resets the back-off.
 */
final class ChildSupervisor {

  static final Duration FIRST_DELAY = Duration.ofMillis(250);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  static final Duration STABLE_AFTER = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ChildSupervisor.class);

  private final LocalClickHouse owner;
  private final Supplier<Process> relaunch;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Thread thread;

  /**
   * @param relaunch starts a replacement child and returns it once it serves; throws if it does not
   */
  ChildSupervisor(LocalClickHouse owner, Supplier<Process> relaunch) {
    this.owner = owner;
    this.relaunch = relaunch;
    this.thread = new Thread(this::supervise, "local-clickhouse-supervisor");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Stops supervising; a restart in progress gives up (its child is stopped by the owner). */
  void stop() {
    thread.interrupt();
  }

  int restarts() {
    return restarts.get();
  }

  private void supervise() {
    Duration delay = FIRST_DELAY;
    Process child = owner.process();
    long servingSince = System.nanoTime();
    while (!owner.isClosed()) {
      try {
        child.waitFor();
        if (owner.isClosed()) {
          return;
        }
        if (System.nanoTime() - servingSince > STABLE_AFTER.toNanos()) {
          delay = FIRST_DELAY;
        }
        LOG.warn(
            "local ClickHouse child {} over {} exited with status {}; starting it again on port {}"
                + " in {} ms",
            child.pid(),
            owner.dataDir(),
            child.exitValue(),
            owner.port(),
            delay.toMillis());
        Thread.sleep(delay.toMillis());
        delay = next(delay);
        child = relaunch.get();
        servingSince = System.nanoTime();
        LOG.warn(
            "local ClickHouse started again on port {} (child {}, restart {})",
            owner.port(),
            child.pid(),
            restarts.incrementAndGet());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (owner.isClosed() || Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.error("local ClickHouse could not be started again (will retry): {}", e.getMessage());
        child = owner.process(); // still the dead one: waitFor returns at once, then back off
      }
    }
  }

  static Duration next(Duration delay) {
    Duration doubled = delay.multipliedBy(2);
    return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
  }
}
