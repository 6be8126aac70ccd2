package io.liangshai.metadata.testing;

import io.liangshai.metadata.MetadataSchema;
import io.liangshai.postgres.local.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own PostgreSQL database ({@link PostgresExtension}: one server per JVM, a fresh
 * database per class, dropped after it) with the metadata schema migrated, for every module whose
 * tests need the platform's metadata (ingest's version index, the API's keys and schemes).
 *
 * <pre>{@code
 * @RegisterExtension static final MetadataTestDatabase METADATA = new MetadataTestDatabase();
 *
 * new PostgresVersionIndex(METADATA.dataSource(), clock);
 * }</pre>
 *
 * When PostgreSQL cannot be started the class fails with the cause; it is never skipped.
 */
public final class MetadataTestDatabase implements BeforeAllCallback, AfterAllCallback {

  private final PostgresExtension postgres = new PostgresExtension();
  private DataSource dataSource;

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    postgres.beforeAll(context);
    MetadataSchema.migrate(postgres.dataSource());
    dataSource = postgres.dataSource();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    dataSource = null;
    postgres.afterAll(context);
  }

  /** This class's migrated database: a new connection per call, no pool. */
  public DataSource dataSource() {
    if (dataSource == null) {
      throw new IllegalStateException(
          "MetadataTestDatabase is not started: register it on a static field with"
              + " @RegisterExtension");
    }
    return dataSource;
  }

  /** A new connection to this class's database. */
  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }
}
