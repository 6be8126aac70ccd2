package io.liangshai.local.process.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the per-test-class database extensions share: a database named after the test class, created
 * on the JVM's shared server before the class and dropped after it, and the started check. A
 * subclass says how to reach the server with the right to create and drop databases.
 *
 * @param <E> how tests reach the server (its endpoint)
 */
public abstract class ClassDatabase<E> implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<E> server;
  private final String dropOptions;
  private E endpoint;
  private String database;

  /**
   * @param server the shared server, started on first use ({@code SharedPostgres::endpoint})
   * @param dropOptions what the server's {@code DROP DATABASE} takes after the name ({@code " WITH
   *     (FORCE)"}, or empty)
   */
  protected ClassDatabase(Supplier<E> server, String dropOptions) {
    this.server = Objects.requireNonNull(server, "server");
    this.dropOptions = Objects.requireNonNull(dropOptions, "dropOptions");
  }

  /** A new connection to {@code endpoint} with the right to create and drop databases. */
  protected abstract Connection admin(E endpoint) throws SQLException;

  @Override
  public final void beforeAll(ExtensionContext context) throws SQLException {
    endpoint = server.get();
    String name = nameFor(context.getRequiredTestClass());
    execute("CREATE DATABASE " + name);
    database = name;
  }

  /** Drops the class's database (nothing when it was never created). */
  @Override
  public final void afterAll(ExtensionContext context) throws SQLException {
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + dropOptions);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = admin(endpoint);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** This test class's database. */
  public final String database() {
    return requireStarted(database);
  }

  /** The shared server the class's database is on. */
  protected final E endpoint() {
    return requireStarted(endpoint);
  }

  /** {@code test_<simple class name>_<8 random hex digits>}, lower case, safe as an identifier. */
  private static String nameFor(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return "test_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@code value}, or a failure saying that this extension was not registered as it must be. */
  private <T> T requireStarted(T value) {
    if (value == null) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " is not started: register it on a static field with @RegisterExtension");
    }
    return value;
  }
}
