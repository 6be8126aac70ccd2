package io.liangshai.metadata;

import io.liangshai.metadata.testing.MetadataTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's migrated metadata database ({@link MetadataTestDatabase}) and the store under test
 * opened on it with {@link MetadataFixture#CLOCK}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MetadataDatabase<BulletinNumbers> NUMBERS =
 *     new MetadataDatabase<>(BulletinNumbers::new);
 *
 * NUMBERS.store().allocate("monthly");
 * }</pre>
 */
final class MetadataDatabase<S> implements BeforeAllCallback, AfterAllCallback {

  private final MetadataTestDatabase database = new MetadataTestDatabase();
  private final BiFunction<DataSource, Clock, S> opener;
  private S store;

  MetadataDatabase(BiFunction<DataSource, Clock, S> opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    database.beforeAll(context);
    store = opener.apply(database.dataSource(), MetadataFixture.CLOCK);
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    database.afterAll(context);
  }

  /** The store under test, on this class's migrated database. */
  S store() {
    if (store == null) {
      throw new IllegalStateException(
          "MetadataDatabase is not started: register it on a static field with"
              + " @RegisterExtension");
    }
    return store;
  }

  /** A new connection to this class's database. */
  Connection connect() throws SQLException {
    return database.connect();
  }
}
