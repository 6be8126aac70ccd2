package io.liangshai.postgres.local.testing;

import io.liangshai.local.process.testing.SharedServer;
import io.liangshai.postgres.local.LocalPostgres;
import io.liangshai.postgres.local.LocalPostgresConfig;
import io.liangshai.postgres.local.PostgresEndpoint;

/**
 * One PostgreSQL per test JVM, started on first use: the server named by {@code
 * LIANGSHAI_POSTGRES_URL} if set, else a {@link LocalPostgres} in a temporary directory, stopped
 * and deleted when the JVM exits. A failed start is remembered and rethrown to every later caller,
 * so each test class fails with the original cause.
 */
public final class SharedPostgres {

  private static final SharedServer<PostgresEndpoint> SERVER =
      SharedServer.externalOrLocal(
          "PostgreSQL",
          PostgresEndpoint.URL_ENV,
          PostgresEndpoint::parse,
          dir -> LocalPostgres.start(LocalPostgresConfig.of(dir)),
          LocalPostgres::endpoint);

  private SharedPostgres() {}

  public static PostgresEndpoint endpoint() {
    return SERVER.endpoint();
  }
}
