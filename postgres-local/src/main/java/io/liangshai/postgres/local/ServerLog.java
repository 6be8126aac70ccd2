package io.liangshai.postgres.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** The server's log file ({@code run/postgres.log}), read when a start fails. */
final class ServerLog {

  private static final int KEPT_LINES = 20;

  private ServerLog() {}

  /** The last lines of the log, joined with {@code " | "}. */
  static String tail(LocalPostgresConfig config) {
    try {
      List<String> lines = Files.readAllLines(config.log(), StandardCharsets.UTF_8);
      return String.join(
          " | ", lines.subList(Math.max(0, lines.size() - KEPT_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log at " + config.log() + ")";
    }
  }

  /**
   * Why the postmaster exited while starting: a {@link PortTakenException} if it could not bind.
   */
  static LocalPostgresException startFailure(LocalPostgresConfig config) {
    String tail = tail(config);
    String message =
        "PostgreSQL exited while starting over " + config.pgdata() + "; last log lines: " + tail;
    return tail.contains("could not bind") || tail.contains("Address already in use")
        ? new PortTakenException(message)
        : new LocalPostgresException(message);
  }
}
