package io.liangshai.postgres.local.testing;

import io.liangshai.postgres.local.PostgresEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for a test class, with a database of its own.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();
 *
 * try (Connection c = POSTGRES.connect()) { ... }
 * }</pre>
 *
 * <p>All test classes of a JVM share one server ({@link SharedPostgres}); each class gets a fresh
 * database named after it, dropped after the class. When PostgreSQL cannot be started the class
 * fails with the cause; it is never skipped.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

  private PostgresEndpoint endpoint;
  private String database;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    endpoint = SharedPostgres.endpoint();
    database = databaseNameFor(context.getRequiredTestClass());
    try (Connection connection = endpoint.connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (database != null) {
      try (Connection connection = endpoint.connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  /** This test class's database. */
  public String database() {
    return requireStarted(database);
  }

  /** The JDBC URL of this test class's database, without credentials. */
  public String jdbcUrl() {
    return requireStarted(endpoint).jdbcUrl(database);
  }

  public String user() {
    return requireStarted(endpoint).user();
  }

  public String password() {
    return requireStarted(endpoint).password();
  }

  /** A new connection to this test class's database. */
  public Connection connect() throws SQLException {
    return requireStarted(endpoint).connect(database);
  }

  /** A data source for this test class's database: a new connection per call, no pool. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user());
    dataSource.setPassword(password());
    return dataSource;
  }

  static String databaseNameFor(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return "test_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static <T> T requireStarted(T value) {
    if (value == null) {
      throw new IllegalStateException(
          "PostgresExtension is not started: register it on a static field with"
              + " @RegisterExtension");
    }
    return value;
  }
}
