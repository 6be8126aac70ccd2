package io.liangshai.postgres.local.testing;

import io.liangshai.local.process.testing.ClassDatabase;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
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
    database =
        ClassDatabase.create(() -> endpoint.connect("postgres"), context.getRequiredTestClass());
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    ClassDatabase.drop(() -> endpoint.connect("postgres"), database, " WITH (FORCE)");
  }

  /** This test class's database. */
  public String database() {
    return ClassDatabase.requireStarted(database, PostgresExtension.class);
  }

  /** The JDBC URL of this test class's database, without credentials. */
  public String jdbcUrl() {
    return ClassDatabase.requireStarted(endpoint, PostgresExtension.class).jdbcUrl(database);
  }

  public String user() {
    return ClassDatabase.requireStarted(endpoint, PostgresExtension.class).user();
  }

  public String password() {
    return ClassDatabase.requireStarted(endpoint, PostgresExtension.class).password();
  }

  /** A new connection to this test class's database. */
  public Connection connect() throws SQLException {
    return ClassDatabase.requireStarted(endpoint, PostgresExtension.class).connect(database);
  }

  /** A data source for this test class's database: a new connection per call, no pool. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user());
    dataSource.setPassword(password());
    return dataSource;
  }
}
