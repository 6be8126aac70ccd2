package io.liangshai.postgres.local;

import io.liangshai.local.process.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link LocalPostgres}.
 *
 * @param dir the server's own directory ({@code LIANGSHAI_DATA_DIR/postgres}): the cluster in
 *     {@code pgdata}, the unpacked binaries, the socket and log in {@code run}, the superuser's
 *     password in {@code superuser.password}; one server per directory
 * @param port the TCP port on 127.0.0.1, or 0 for any free port
 * @param startupTimeout how long to wait for the server to accept connections (initdb included)
 */
public record LocalPostgresConfig(Path dir, int port, Duration startupTimeout) {

  public LocalPostgresConfig {
    Objects.requireNonNull(dir, "dir");
    ServerSettings.check(port, startupTimeout);
    dir = dir.toAbsolutePath().normalize();
  }

  /** Any free port, two minutes to start. */
  public static LocalPostgresConfig of(Path dir) {
    return new LocalPostgresConfig(dir, 0, Duration.ofMinutes(2));
  }

  public LocalPostgresConfig withPort(int port) {
    return new LocalPostgresConfig(dir, port, startupTimeout);
  }

  /** The cluster (PGDATA). */
  Path pgdata() {
    return dir.resolve("pgdata");
  }

  /** The Unix socket directory and the server log. */
  Path runDir() {
    return dir.resolve("run");
  }

  Path log() {
    return runDir().resolve("postgres.log");
  }

  Path passwordFile() {
    return dir.resolve("superuser.password");
  }
}
