package io.liangshai.launcher.backup;

import io.liangshai.backup.PlatformData;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * Where the platform's data lives, for {@code backup} and {@code restore}: the data directory (its
 * {@code landing/}), the ClickHouse and the PostgreSQL. The local servers a running platform starts
 * under the data directory are not reachable from another process yet, so both URLs are asked for
 * (the environment variables of {@code bin/liangshai run} by default).
 */
final class StoreOptions {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:LIANGSHAI_DATA_DIR:-var}",
      description = "the data directory (default: LIANGSHAI_DATA_DIR, else ./var)")
  Path dataDir;

  @Option(
      names = "--clickhouse-url",
      defaultValue = "${env:LIANGSHAI_CLICKHOUSE_URL}",
      description =
          "the platform's ClickHouse, jdbc:clickhouse:http://HOST:PORT/DB?user=…&password=…"
              + " (default: LIANGSHAI_CLICKHOUSE_URL)")
  String clickhouseUrl;

  @Option(
      names = "--postgres-url",
      defaultValue = "${env:LIANGSHAI_POSTGRES_URL}",
      description =
          "the platform's PostgreSQL, postgresql://USER:PASSWORD@HOST:PORT"
              + " (default: LIANGSHAI_POSTGRES_URL)")
  String postgresUrl;

  @Option(
      names = "--postgres-database",
      defaultValue = "postgres",
      description = "the metadata's database on that server (default ${DEFAULT-VALUE})")
  String postgresDatabase;

  Path dataDir() {
    return dataDir.toAbsolutePath().normalize();
  }

  PlatformData data() {
    if (clickhouseUrl == null || clickhouseUrl.isBlank()) {
      throw new IllegalArgumentException(
          "name the platform's ClickHouse with --clickhouse-url or LIANGSHAI_CLICKHOUSE_URL");
    }
    if (postgresUrl == null || postgresUrl.isBlank()) {
      throw new IllegalArgumentException(
          "name the platform's PostgreSQL with --postgres-url or LIANGSHAI_POSTGRES_URL");
    }
    return new PlatformData(clickhouseUrl, metadata(), dataDir().resolve("landing"));
  }

  private DataSource metadata() {
    PostgresEndpoint endpoint = PostgresEndpoint.parse(postgresUrl);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(endpoint.jdbcUrl(postgresDatabase));
    ds.setUser(endpoint.user());
    ds.setPassword(endpoint.password());
    return ds;
  }
}
