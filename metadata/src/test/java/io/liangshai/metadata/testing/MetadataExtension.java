package io.liangshai.metadata.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.liangshai.metadata.MetadataPool;
import io.liangshai.metadata.MetadataSchema;
import io.liangshai.postgres.local.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own PostgreSQL database ({@link PostgresExtension}: the JVM's shared server, a
 * fresh database per class) with the metadata schema migrated, as the platform migrates it at
 * start.
 *
 * <pre>{@code
 * @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();
 *
 * new BulletinNumbers(METADATA.dataSource(), clock).allocate("monthly");
 * }</pre>
 *
 * <p>A module's own fixture may extend it with what it does before each test (ingest's {@code
 * IndexDatabase} empties the version index).
 */
public class MetadataExtension implements BeforeAllCallback, AfterAllCallback {

  private final PostgresExtension postgres = new PostgresExtension();
  private DataSource dataSource;

  @Override
  public final void beforeAll(ExtensionContext context) throws SQLException {
    postgres.beforeAll(context);
    dataSource = postgres.dataSource();
    MetadataSchema.migrate(dataSource);
  }

  @Override
  public final void afterAll(ExtensionContext context) throws SQLException {
    postgres.afterAll(context);
  }

  /** The class's migrated database: a new connection per call, no pool. */
  public DataSource dataSource() {
    if (dataSource == null) {
      throw new IllegalStateException(
          "MetadataExtension is not started: register it on a static field with"
              + " @RegisterExtension");
    }
    return dataSource;
  }

  /**
   * A connection pool on the class's database, as the platform's {@code Services} opens one ({@link
   * MetadataPool}); the caller closes it.
   */
  public HikariDataSource openPool() {
    dataSource();
    return MetadataPool.open(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }

  /**
   * The class's PostgreSQL database under the schema, for what must reach it by URL and credentials
   * (a child process, say).
   */
  public PostgresExtension postgres() {
    dataSource();
    return postgres;
  }

  /** A new connection to the class's database. */
  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }
}
