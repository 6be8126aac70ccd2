package io.liangshai.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * The one pool of connections to the metadata database that a process builds (the launcher's {@code
 * Services}) and every metadata store shares. A request waits at most {@link #CONNECTION_TIMEOUT}
 * for a connection, so an unreachable PostgreSQL answers promptly with a failure {@link
 * MetadataStoreException#isStoreFailure} recognises.
 */
public final class MetadataPool {

  /** The pool's name, which starts the message of its "no connection available" failure. */
  public static final String NAME = "liangshai-metadata";

  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_CONNECTIONS = 10;

  private MetadataPool() {}

  /** A pool over {@code jdbcUrl} ({@code jdbc:postgresql://HOST:PORT/DATABASE}); close it. */
  public static HikariDataSource open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(NAME);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.addDataSourceProperty("connectTimeout", "5");
    config.addDataSourceProperty("socketTimeout", "60");
    return new HikariDataSource(config);
  }
}
