package io.liangshai.launcher;

import io.liangshai.backup.PlatformData;
import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.postgres.local.PostgresEndpoint;
import io.liangshai.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Where the platform's data lives, for {@code backup} and {@code restore}: the data directory (its
 * {@code landing/}), the ClickHouse and the PostgreSQL. Named by URL (options, else the {@code
 * LIANGSHAI_*_URL} variables of {@code bin/liangshai run}); when none is named, those of the
 * platform running on the data directory ({@link PlatformEndpoints}); when none runs, the data
 * directory's own local servers, started for the command and stopped after it.
 */
final class StoreOptions {

  private static final Logger LOG = LoggerFactory.getLogger(StoreOptions.class);

  @Option(
      names = "--data-dir",
      defaultValue = "${env:LIANGSHAI_DATA_DIR:-var}",
      description = "the data directory (default: LIANGSHAI_DATA_DIR, else ./var)")
  Path dataDir;

  @Option(
      names = "--clickhouse-url",
      defaultValue = "${env:LIANGSHAI_CLICKHOUSE_URL}",
      description =
          "an external ClickHouse, jdbc:clickhouse:http://HOST:PORT/DB?user=…&password=…"
              + " (default: LIANGSHAI_CLICKHOUSE_URL, else the data directory's own)")
  String clickhouseUrl;

  @Option(
      names = "--postgres-url",
      defaultValue = "${env:LIANGSHAI_POSTGRES_URL}",
      description =
          "an external PostgreSQL, postgresql://USER:PASSWORD@HOST:PORT[/DATABASE]"
              + " (default: LIANGSHAI_POSTGRES_URL, else the data directory's own)")
  String postgresUrl;

  Path dataDir() {
    return dataDir.toAbsolutePath().normalize();
  }

  /** The stores to copy from or into, open until {@link Stores#close}. */
  Stores open() throws SQLException {
    Stores stores = new Stores();
    try {
      Optional<PlatformEndpoints> running = PlatformEndpoints.readFor(dataDir());
      String clickhouse =
          named(clickhouseUrl)
              .or(() -> running.map(PlatformEndpoints::clickhouseJdbcUrl))
              .orElse(null);
      String postgres =
          named(postgresUrl).or(() -> running.map(PlatformEndpoints::postgresUrl)).orElse(null);
      if (clickhouse == null) {
        LOG.info("no platform runs on {}: starting its local ClickHouse", dataDir());
        ClickHouseEndpoint local =
            ClickHouseEndpoint.local(LocalClickHouseConfig.of(dataDir().resolve("clickhouse")));
        stores.opened.push(local);
        clickhouse = local.jdbcUrl();
        stores.opened.push(Warehouse.open(clickhouse));
      }
      PGSimpleDataSource metadata = new PGSimpleDataSource();
      if (postgres == null) {
        LOG.info("no platform runs on {}: starting its local PostgreSQL", dataDir());
        MetadataServer local = MetadataServer.local(dataDir().resolve("postgres"));
        stores.opened.push(local);
        stores.opened.push(local.openPool());
        metadata.setUrl(local.jdbcUrl());
        metadata.setUser(local.endpoint().user());
        metadata.setPassword(local.endpoint().password());
      } else {
        PostgresEndpoint endpoint = PostgresEndpoint.parse(postgres);
        metadata.setUrl(endpoint.jdbcUrl(MetadataServer.databaseOf(postgres)));
        metadata.setUser(endpoint.user());
        metadata.setPassword(endpoint.password());
      }
      stores.data = new PlatformData(clickhouse, metadata, dataDir().resolve("landing"));
      return stores;
    } catch (SQLException | RuntimeException e) {
      stores.close();
      throw e;
    }
  }

  private static Optional<String> named(String url) {
    return Optional.ofNullable(url).filter(u -> !u.isBlank());
  }

  /** The stores of one command, and what was started for it. */
  static final class Stores implements AutoCloseable {
    private final Closer opened = new Closer();
    private PlatformData data;

    PlatformData data() {
      return data;
    }

    @Override
    public void close() {
      opened.close();
    }
  }
}
