package io.liangshai.core.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a reading until it is what a test waits for, or a deadline passes: the one place tests wait
 * for something asynchronous (a batch processed, an audit row written, a gauge scraped), instead of
 * a sleep.
 *
 * <pre>{@code
 * JsonArray rows = Eventually.within(Duration.ofSeconds(20), () -> read(), r -> !r.isEmpty());
 * }</pre>
 */
public final class Eventually {

  private static final long PAUSE_MILLIS = 100;

  private Eventually() {}

  /**
   * Reads until {@code done} holds or {@code within} has passed; the last reading either way, so
   * the caller's assertion on it says what was seen instead of a bare time-out.
   */
  public static <T> T within(Duration within, Callable<T> read, Predicate<? super T> done)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = read.call();
      if (done.test(value) || System.nanoTime() - deadline > 0) {
        return value;
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }
}
