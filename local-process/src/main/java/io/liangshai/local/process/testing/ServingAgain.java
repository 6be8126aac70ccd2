package io.liangshai.local.process.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Waits, in supervisor tests, until a killed server was started again and answers a query. */
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
}
