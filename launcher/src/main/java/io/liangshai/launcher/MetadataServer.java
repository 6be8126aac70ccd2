package io.liangshai.launcher;

import com.zaxxer.hikari.HikariDataSource;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.metadata.MetadataPool;
import io.liangshai.metadata.MetadataSchema;
import io.liangshai.postgres.local.LocalPostgres;
import io.liangshai.postgres.local.LocalPostgresConfig;
import io.liangshai.postgres.local.PostgresEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the platform keeps its metadata in (keys, schemes, bulletin numbers): the server
 * of {@code LIANGSHAI_POSTGRES_URL} when set, else a {@link LocalPostgres} under {@code
 * LIANGSHAI_DATA_DIR/postgres}, run as {@code nobody} when the platform runs as root and dying with
 * it. Either way the database {@value #DATABASE} is created if missing; {@link Services} pools
 * connections to it and migrates it.
 */
final class MetadataServer implements AutoCloseable {

  /** The database the platform's metadata lives in, unless the URL names another. */
  static final String DATABASE = "liangshai";

  private static final Logger LOG = LoggerFactory.getLogger(MetadataServer.class);

  private final PostgresEndpoint endpoint;
  private final String database;
  private final Optional<LocalPostgres> local;

  private MetadataServer(
      PostgresEndpoint endpoint, String database, Optional<LocalPostgres> local) {
    this.endpoint = endpoint;
    this.database = database;
    this.local = local;
  }

  /** Starts (or finds) the server of {@code config} and makes sure {@value #DATABASE} exists. */
  static MetadataServer start(LiangshaiConfig config) throws SQLException {
    if (config.postgresUrl().isEmpty()) {
      return local(config.postgresDir());
    }
    String url = config.postgresUrl().get();
    PostgresEndpoint external = PostgresEndpoint.parse(url);
    LOG.info("using the PostgreSQL server at {}", external);
    return prepared(new MetadataServer(external, databaseOf(url), Optional.empty()));
  }

  /** A local PostgreSQL with its data in {@code dir}, and {@value #DATABASE} in it. */
  static MetadataServer local(Path dir) throws SQLException {
    LocalPostgres postgres = LocalPostgres.start(LocalPostgresConfig.of(dir));
    return prepared(new MetadataServer(postgres.endpoint(), DATABASE, Optional.of(postgres)));
  }

  /**
   * The database a {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE} URL names, {@value
   * #DATABASE} when it names none.
   */
  static String databaseOf(String url) {
    String path = URI.create(url.strip()).getPath();
    String name = path == null ? "" : path.replaceFirst("^/", "");
    if (name.isEmpty()) {
      return DATABASE;
    }
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          PostgresEndpoint.URL_ENV + " names the database " + name + ", not a plain identifier");
    }
    return name;
  }

  private static MetadataServer prepared(MetadataServer server) throws SQLException {
    try {
      server.ensureDatabase();
      return server;
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The local server's postmaster, when this process started it. */
  java.util.OptionalLong postmasterPid() {
    return local.isPresent()
        ? java.util.OptionalLong.of(local.get().postmasterPid())
        : java.util.OptionalLong.empty();
  }

  PostgresEndpoint endpoint() {
    return endpoint;
  }

  /** {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE}, as {@code LIANGSHAI_POSTGRES_URL}. */
  String url() {
    return "postgresql://"
        + URLEncoder.encode(endpoint.user(), StandardCharsets.UTF_8)
        + ":"
        + URLEncoder.encode(endpoint.password(), StandardCharsets.UTF_8)
        + "@"
        + endpoint.host()
        + ":"
        + endpoint.port()
        + "/"
        + database;
  }

  /** {@code jdbc:postgresql://HOST:PORT/DATABASE}. */
  String jdbcUrl() {
    return endpoint.jdbcUrl(database);
  }

  /**
   * A pool of connections to the metadata database, its migrations applied; the caller closes it.
   */
  HikariDataSource openPool() {
    HikariDataSource pool = MetadataPool.open(jdbcUrl(), endpoint.user(), endpoint.password());
    try {
      int applied = MetadataSchema.migrate(pool);
      LOG.info("metadata database {}: {} migrations applied", jdbcUrl(), applied);
      return pool;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private void ensureDatabase() throws SQLException {
    try (Connection c = endpoint.connect("postgres")) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, database);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + database);
      }
      LOG.info("created the metadata database {} on {}", database, endpoint);
    } catch (SQLException e) {
      throw new SQLException(
          "cannot reach or prepare the metadata database "
              + database
              + " on "
              + endpoint
              + " (with LIANGSHAI_POSTGRES_URL, create it or let the user create databases): "
              + e.getMessage(),
          e.getSQLState(),
          e);
    }
  }

  /** Stops the local server, if this started one. */
  @Override
  public void close() {
    local.ifPresent(LocalPostgres::close);
  }
}
