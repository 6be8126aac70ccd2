package io.liangshai.local.process.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * What the per-test-class database extensions share: a database named after the test class, created
 * on the shared server before the class and dropped after it, and the started check.
 */
public final class ClassDatabase {

  /** A new connection to the server with the right to create and drop databases. */
  @FunctionalInterface
  public interface Admin {
    Connection connect() throws SQLException;
  }

  private ClassDatabase() {}

  /** Creates a new database for {@code testClass} and returns its name. */
  public static String create(Admin admin, Class<?> testClass) throws SQLException {
    String name = nameFor(testClass);
    execute(admin, "CREATE DATABASE " + name);
    return name;
  }

  /**
   * Drops the database {@code name} (nothing when it is null: the class never started), with the
   * server's {@code options} ({@code " WITH (FORCE)"}, or empty).
   */
  public static void drop(Admin admin, String name, String options) throws SQLException {
    if (name != null) {
      execute(admin, "DROP DATABASE IF EXISTS " + name + options);
    }
  }

  private static void execute(Admin admin, String sql) throws SQLException {
    try (Connection connection = admin.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** {@code test_<simple class name>_<8 random hex digits>}, lower case, safe as an identifier. */
  static String nameFor(Class<?> testClass) {
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
