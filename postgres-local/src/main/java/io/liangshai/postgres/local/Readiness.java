package io.liangshai.postgres.local;

import java.sql.Connection;
import java.sql.SQLException;

/** Waiting for a starting postmaster to accept a password login on its TCP port. */
final class Readiness {

  private Readiness() {}

  static void await(
      LocalPostgresConfig config, int port, String password, ProcessHandle postmaster) {
    long deadline = System.nanoTime() + config.startupTimeout().toNanos();
    PostgresEndpoint endpoint =
        new PostgresEndpoint("127.0.0.1", port, PostmasterCommand.SUPERUSER, password);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!postmaster.isAlive()) {
        throw ServerLog.startFailure(config);
      }
      try (Connection connection = endpoint.connect("postgres")) {
        if (connection.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalPostgresException("interrupted while starting PostgreSQL", e);
      }
    }
    throw new LocalPostgresException(
        "PostgreSQL on port "
            + port
            + " did not accept a login within "
            + config.startupTimeout()
            + "; last log lines: "
            + ServerLog.tail(config),
        last);
  }
}
