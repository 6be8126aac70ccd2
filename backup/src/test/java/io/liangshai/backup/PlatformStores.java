package io.liangshai.backup;

import io.liangshai.clickhouse.local.testing.SharedClickHouse;
import io.liangshai.clickhouse.local.testing.Sql;
import io.liangshai.metadata.MetadataSchema;
import io.liangshai.postgres.local.PostgresEndpoint;
import io.liangshai.postgres.local.testing.SharedPostgres;
import io.liangshai.warehouse.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A platform's three stores for a test, on the shared test servers: a ClickHouse database and a
 * PostgreSQL database of its own (dropped at {@link #close}) and a landing directory. {@link
 * #migrated} applies both schemas, as a running platform has them; {@link #empty} leaves them to
 * the restore.
 */
final class PlatformStores implements AutoCloseable {

  private static final AtomicInteger NEXT = new AtomicInteger();

  final String database;
  final String clickhouseUrl;
  final DataSource metadata;
  final Path landing;
  private final PostgresEndpoint postgres;

  private PlatformStores(String name, Path landing) throws SQLException {
    this.database =
        "backup_" + name + "_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    this.landing = landing;
    this.clickhouseUrl = SharedClickHouse.endpoint().jdbcUrl(database);
    Sql.execute(SharedClickHouse.endpoint().jdbcUrl(), "CREATE DATABASE " + database);
    this.postgres = SharedPostgres.endpoint();
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(postgres.jdbcUrl(database));
    ds.setUser(postgres.user());
    ds.setPassword(postgres.password());
    this.metadata = ds;
  }

  /** Stores with the warehouse and metadata schemas applied, as a running platform has them. */
  static PlatformStores migrated(String name, Path landing) throws SQLException {
    PlatformStores stores = new PlatformStores(name, landing);
    try (Connection c = DriverManager.getConnection(stores.clickhouseUrl)) {
      SchemaMigrator.migrate(c);
    }
    MetadataSchema.migrate(stores.metadata);
    return stores;
  }

  /** Stores with nothing in them, not even a schema. */
  static PlatformStores empty(String name, Path landing) throws SQLException {
    return new PlatformStores(name, landing);
  }

  PlatformData data() {
    return new PlatformData(clickhouseUrl, metadata, landing);
  }

  @Override
  public void close() throws SQLException {
    Sql.execute(SharedClickHouse.endpoint().jdbcUrl(), "DROP DATABASE IF EXISTS " + database);
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
