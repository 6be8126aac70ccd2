package io.liangshai.local.process.testing;

import io.liangshai.local.process.LocalPorts;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * What supervisor tests wait for and check: a killed server started again and answering a query, a
 * closed one staying down.
 */
public final class ServingAgain {

  /** A query that throws while the server does not answer. */
  @FunctionalInterface
  public interface Probe {
    void answer() throws Exception;
  }

  private ServingAgain() {}

  /**
   * Returns once {@code restarts} reached {@code atLeast}, the server runs and {@code probe}
   * answers; fails with the last probe failure after {@code within}.
   */
  public static void await(
      String server,
      Duration within,
      IntSupplier restarts,
      int atLeast,
      BooleanSupplier running,
      Probe probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (restarts.getAsInt() >= atLeast && running.getAsBoolean()) {
        try {
          probe.answer();
          return;
        } catch (Exception e) {
          last = e;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        server
            + " was not serving again within "
            + within
            + " (restarts: "
            + restarts.getAsInt()
            + ")",
        last);
  }

  /**
   * Fails unless a server closed on purpose stays down: a second later (longer than the
   * supervisor's first back-off and a warm start) it does not run, was never started again, and
   * nothing listens on its old {@code port}.
   */
  public static void neverAfterClose(
      String server, BooleanSupplier running, IntSupplier restarts, int port)
      throws InterruptedException {
    Thread.sleep(1000);
    boolean listening = accepts(port);
    if (running.getAsBoolean() || restarts.getAsInt() > 0 || listening) {
      throw new AssertionError(
          server
              + " came back after its close (running: "
              + running.getAsBoolean()
              + ", restarts: "
              + restarts.getAsInt()
              + ", listening on "
              + port
              + ": "
              + listening
              + ")");
    }
  }

  /** Whether something on 127.0.0.1 accepts a connection to {@code port} within a second. */
  public static boolean accepts(int port) {
    return LocalPorts.accepts(port, Duration.ofSeconds(1));
  }
}
