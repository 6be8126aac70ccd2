package io.liangshai.ingest;

import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.testing.MetadataExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own migrated PostgreSQL database ({@link MetadataExtension}) whose version index
 * is emptied before each test, so each test starts as a new platform would.
 *
 * <pre>{@code
 * @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();
 *
 * IntakeFixture.open(INDEX, dir);
 * }</pre>
 */
final class IndexDatabase extends MetadataExtension implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    execute("TRUNCATE record_versions, committed_batches, batch_manifests");
  }

  /** A version index on this class's database, as one process would open it. */
  PostgresVersionIndex index() {
    return new PostgresVersionIndex(
        dataSource(), Clock.fixed(IntakeFixture.UPLOAD, ZoneOffset.UTC));
  }

  /** Runs one statement on this class's database. */
  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
