package io.liangshai.local.process.testing;

import java.util.Locale;
import java.util.UUID;

/** What the per-test-class database extensions share: the database's name, the started check. */
public final class ClassDatabase {

  private ClassDatabase() {}

  /** {@code test_<simple class name>_<8 random hex digits>}, lower case, safe as an identifier. */
  public static String nameFor(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return "test_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code value}, or a failure saying that {@code extension} was not registered as it must be. */
  public static <T> T requireStarted(T value, Class<?> extension) {
    if (value == null) {
      throw new IllegalStateException(
          extension.getSimpleName()
              + " is not started: register it on a static field with @RegisterExtension");
    }
    return value;
  }
}
