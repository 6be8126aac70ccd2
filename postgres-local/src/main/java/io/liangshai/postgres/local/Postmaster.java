package io.liangshai.postgres.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the server: the postmaster and the watchdog shell whose standard input this JVM holds
 * ({@link PostmasterCommand}). Closing that input is how the server is stopped.
 *
 * @param watchdog the watchdog shell, its standard input held by this JVM
 * @param handle the postmaster
 */
record Postmaster(Process watchdog, ProcessHandle handle) {

  private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);

  /** Starts the server on {@code port} and waits until it accepts a password login. */
  static Postmaster launch(
      LocalPostgresConfig config,
      PostgresBinaries binaries,
      ServerAccount account,
      int port,
      String password) {
    List<String> command =
        account.command(PostmasterCommand.watchedPostmaster(binaries, config, port));
    Process watchdog;
    try {
      watchdog = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new LocalPostgresException("cannot start PostgreSQL: " + String.join(" ", command), e);
    }
    try {
      ProcessHandle handle = handleOf(watchdog, command, config);
      Readiness.await(config, port, password, handle);
      return new Postmaster(watchdog, handle);
    } catch (RuntimeException e) {
      closeInput(watchdog);
      throw e;
    }
  }

  /** The postmaster, from the pid its watchdog prints first. */
  private static ProcessHandle handleOf(
      Process watchdog, List<String> command, LocalPostgresConfig config) {
    String line;
    try {
      line =
          new BufferedReader(
                  new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
    } catch (IOException e) {
      throw new LocalPostgresException("cannot read the PostgreSQL watchdog's output", e);
    }
    if (line == null || !line.strip().matches("\\d+")) {
      throw new LocalPostgresException(
          "the PostgreSQL watchdog did not start the postmaster ("
              + line
              + "): "
              + String.join(" ", command));
    }
    return ProcessHandle.of(Long.parseLong(line.strip()))
        .orElseThrow(() -> ServerLog.startFailure(config));
  }

  /**
   * Fast shutdown (open transactions roll back), killed if it takes longer than {@code seconds}.
   */
  void stop(long seconds) {
    closeInput(watchdog);
    try {
      if (!watchdog.waitFor(seconds, TimeUnit.SECONDS)) {
        LOG.warn("PostgreSQL {} did not stop in {} s; killing it", handle.pid(), seconds);
        handle.destroyForcibly();
        watchdog.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void closeInput(Process watchdog) {
    try {
      watchdog.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("closing the PostgreSQL watchdog's input", e);
    }
  }
}
