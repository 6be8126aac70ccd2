package io.liangshai.local.process;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a local server back when its process dies before its owner closes it: one daemon thread
 * waits for the current process to exit, then asks the owner to start a replacement (same data,
 * same port). Attempts back off from {@link #FIRST_DELAY} to {@link #MAX_DELAY}; a process that
 * served for {@link #STABLE_AFTER} resets the back-off. A failed attempt leaves the dead process
 * current, so the next round backs off further and tries again.
 */
public final class ProcessSupervisor {

  public static final Duration FIRST_DELAY = Duration.ofMillis(250);
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);
  public static final Duration STABLE_AFTER = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);

  private final String server;
  private final Supplier<ProcessHandle> current;
  private final Supplier<ProcessHandle> relaunch;
  private final BooleanSupplier closed;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Thread thread;

  /**
   * @param server what is supervised, for the thread name and the log ({@code "local ClickHouse on
   *     port 8123 over /data"})
   * @param current the owner's current process
   * @param relaunch starts a replacement, makes it current and returns it once it serves; throws if
   *     it does not
   * @param closed whether the owner is closed: then nothing is started again
   */
  public ProcessSupervisor(
      String server,
      Supplier<ProcessHandle> current,
      Supplier<ProcessHandle> relaunch,
      BooleanSupplier closed) {
    this.server = server;
    this.current = current;
    this.relaunch = relaunch;
    this.closed = closed;
    this.thread = new Thread(this::supervise, "supervisor of " + server);
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Stops supervising; a restart in progress gives up (its process is stopped by the owner). */
  public void stop() {
    thread.interrupt();
  }

  /** How many times a replacement was started and served. */
  public int restarts() {
    return restarts.get();
  }

  private void supervise() {
    Duration delay = FIRST_DELAY;
    long servingSince = System.nanoTime();
    while (!closed.getAsBoolean()) {
      try {
        ProcessHandle dead = current.get();
        dead.onExit().get();
        if (closed.getAsBoolean()) {
          return;
        }
        if (System.nanoTime() - servingSince > STABLE_AFTER.toNanos()) {
          delay = FIRST_DELAY;
        }
        LOG.warn(
            "{} process {} exited; starting it again in {} ms",
            server,
            dead.pid(),
            delay.toMillis());
        Thread.sleep(delay.toMillis());
        delay = next(delay);
        ProcessHandle again = relaunch.get();
        servingSince = System.nanoTime();
        LOG.warn(
            "{} started again (process {}, restart {})",
            server,
            again.pid(),
            restarts.incrementAndGet());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | ExecutionException e) {
        if (closed.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.error("{} could not be started again (will retry): {}", server, e.getMessage());
      }
    }
  }

  /** The back-off after {@code delay}: twice as long, at most {@link #MAX_DELAY}. */
  public static Duration next(Duration delay) {
    Duration doubled = delay.multipliedBy(2);
    return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
  }
}
