package io.liangshai.ingest;

import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.testing.MetadataExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The version index on a test class's own migrated PostgreSQL database ({@link MetadataExtension}),
 * emptied before each test, so each test starts as a new platform would.
 *
 * <pre>{@code
 * @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();
 *
 * IntakeFixture.open(INDEX, dir);
 * }</pre>
 */
final class IndexDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private final MetadataExtension database = new MetadataExtension();

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    database.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    database.afterAll(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    execute("TRUNCATE record_versions, committed_batches");
  }

  /** A version index on this class's database, as one process would open it. */
  PostgresVersionIndex index() {
    return new PostgresVersionIndex(
        database.dataSource(), Clock.fixed(IntakeFixture.UPLOAD, ZoneOffset.UTC));
  }

  /** This class's migrated database. */
  DataSource dataSource() {
    return database.dataSource();
  }

  /** Runs one statement on this class's database. */
  void execute(String sql) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A new connection to this class's database. */
  Connection connect() throws SQLException {
    return database.connect();
  }
}
