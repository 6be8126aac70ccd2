package io.liangshai.ingest;

import java.util.concurrent.ThreadLocalRandom;

/** How a batch whose claims PostgreSQL ended in a deadlock is taken again. */
final class Deadlocks {

  /** How often a batch is taken from the start when PostgreSQL ends its claims in a deadlock. */
  static final int ATTEMPTS = 3;

  private Deadlocks() {}

  /**
   * A short random pause before attempt {@code attempt}, growing with it, so that the batch that
   * won the deadlock commits before this one claims again.
   */
  static void pauseBeforeAttempt(int attempt) throws IntakeUnavailableException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntakeUnavailableException("interrupted while waiting to take a batch again", e);
    }
  }
}
