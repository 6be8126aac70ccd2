package io.liangshai.postgres.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The command lines: {@code initdb} for a new cluster, and the postmaster under a watchdog shell
 * that holds this JVM's pipe as its standard input. When the pipe closes (by {@link
 * LocalPostgres#close()}, or because this JVM died, even by {@code kill -9}) the watchdog asks the
 * postmaster for a fast shutdown (SIGINT) and waits for it. The shell prints the postmaster's pid
 * first; the server's own output goes to its log file. (Not {@code PR_SET_PDEATHSIG}: it fires when
 * the forking thread ends, not only the process.)
 */
final class PostmasterCommand {

  static final String SUPERUSER = "postgres";

  private static final String WATCHDOG =
      "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & pg=$!; echo \"$pg\";"
          + " cat >/dev/null; kill -INT \"$pg\" 2>/dev/null; wait \"$pg\"";

  private PostmasterCommand() {}

  static List<String> initdb(PostgresBinaries binaries, LocalPostgresConfig config, String pwfile) {
    return List.of(
        binaries.initdb().toString(),
        "-D",
        config.pgdata().toString(),
        "-U",
        SUPERUSER,
        "--pwfile=" + pwfile,
        "--auth=scram-sha-256",
        "--encoding=UTF-8",
        "--locale=C",
        "--no-instructions");
  }

  static List<String> watchedPostmaster(
      PostgresBinaries binaries, LocalPostgresConfig config, int port) {
    List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "watchdog"));
    command.add(config.log().toString());
    command.addAll(
        List.of(
            binaries.postgres().toString(),
            "-D",
            config.pgdata().toString(),
            "-p",
            Integer.toString(port),
            "-c",
            "listen_addresses=127.0.0.1",
            // TCP only: a socket path under a long data directory would exceed the 107-byte limit
            "-c",
            "unix_socket_directories=",
            "-c",
            "password_encryption=scram-sha-256"));
    return command;
  }
}
