package io.liangshai.launcher;

import io.liangshai.metadata.MetadataSchema;
import io.liangshai.postgres.local.LocalPostgres;
import io.liangshai.postgres.local.LocalPostgresConfig;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform's metadata database (the ingest version index): the PostgreSQL named by {@value
 * PostgresEndpoint#URL_ENV}, else a {@link LocalPostgres} in {@code dir}, its schema migrated.
 * Closing it stops the local server (an external one is left running).
 */
final class MetadataServer implements AutoCloseable {

  private final Optional<LocalPostgres> local;
  private final DataSource dataSource;

  private MetadataServer(Optional<LocalPostgres> local, PostgresEndpoint endpoint) {
    this.local = local;
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(endpoint.jdbcUrl("postgres"));
    source.setUser(endpoint.user());
    source.setPassword(endpoint.password());
    this.dataSource = source;
  }

  static MetadataServer start(Path dir) {
    Optional<String> url =
        Optional.ofNullable(System.getenv(PostgresEndpoint.URL_ENV)).filter(u -> !u.isBlank());
    MetadataServer server =
        url.isPresent()
            ? new MetadataServer(Optional.empty(), PostgresEndpoint.parse(url.get()))
            : startLocal(dir);
    try {
      MetadataSchema.migrate(server.dataSource);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static MetadataServer startLocal(Path dir) {
    LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir));
    return new MetadataServer(Optional.of(postgres), postgres.endpoint());
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    local.ifPresent(LocalPostgres::close);
  }
}
