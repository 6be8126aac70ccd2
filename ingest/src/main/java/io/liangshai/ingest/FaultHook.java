package io.liangshai.ingest;

import java.util.Locale;

/**
 * A test hook for the crash windows of {@link BatchIntake}, never reachable from a request: it is
 * read once, when the class loads, from the environment variable {@code LIANGSHAI_FAULT} (or the
 * system property {@code liangshai.fault}) of the process, and nothing changes it afterwards.
 *
 * <p>{@code LIANGSHAI_FAULT=halt-after-landing} stops the JVM at once with status 137, as {@code
 * kill -9} would (no shutdown hook runs), right after a batch's records file is published and
 * before it is appended to the records log; {@code halt-after-log} right after the log's commit,
 * before the version index commits it: the windows {@link IndexReconciler} repairs at the next
 * start. Unset in production; any other value is refused when the intake opens.
 */
final class FaultHook {

  static final String HALT_AFTER_LANDING = "halt-after-landing";
  static final String HALT_AFTER_LOG = "halt-after-log";

  private static final String VALUE = configured();

  private FaultHook() {}

  /** Refuses a misspelt hook, so that a test never believes it injected a fault it did not. */
  static void check() {
    if (VALUE != null && !VALUE.equals(HALT_AFTER_LANDING) && !VALUE.equals(HALT_AFTER_LOG)) {
      throw new IllegalStateException(
          "LIANGSHAI_FAULT='"
              + VALUE
              + "' is not a known fault; the known ones are "
              + HALT_AFTER_LANDING
              + " and "
              + HALT_AFTER_LOG);
    }
  }

  /** Called once a batch's records are published, before they are appended to the log. */
  static void afterLanding() {
    if (HALT_AFTER_LANDING.equals(VALUE)) {
      Runtime.getRuntime().halt(137);
    }
  }

  /** Called once a batch is committed to the records log, before the index commit. */
  static void afterLog() {
    if (HALT_AFTER_LOG.equals(VALUE)) {
      Runtime.getRuntime().halt(137);
    }
  }

  private static String configured() {
    String v = System.getProperty("liangshai.fault", System.getenv("LIANGSHAI_FAULT"));
    return v == null || v.isBlank() ? null : v.strip().toLowerCase(Locale.ROOT);
  }
}
