package io.liangshai.postgres.local.testing;

import io.liangshai.local.process.testing.ClassDatabase;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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
public final class PostgresExtension extends ClassDatabase<PostgresEndpoint> {

  public PostgresExtension() {
    super(SharedPostgres::endpoint, " WITH (FORCE)");
  }

  @Override
  protected Connection admin(PostgresEndpoint endpoint) throws SQLException {
    return endpoint.connect("postgres");
  }

  /** The JDBC URL of this test class's database, without credentials. */
  public String jdbcUrl() {
    return endpoint().jdbcUrl(database());
  }

  public String user() {
    return endpoint().user();
  }

  public String password() {
    return endpoint().password();
  }

  /** A new connection to this test class's database. */
  public Connection connect() throws SQLException {
    return endpoint().connect(database());
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
