package io.liangshai.postgres.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code postmaster.pid} left in the cluster by an earlier owner. Its process dead: PostgreSQL
 * removes the file itself and recovers. Its process alive and a postgres: that server belongs to
 * nobody now (its owner died without stopping it), so it is stopped (fast shutdown, then killed)
 * before a new one starts; a new owner never attaches to it. Its pid reused by another program: the
 * file is removed, the program left alone.
 */
final class StalePostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  /** Makes sure no earlier postmaster runs on {@code pgdata}; waits at most {@code timeout}. */
  static void takeOver(Path pgdata, Duration timeout) {
    Path pidFile = pgdata.resolve("postmaster.pid");
    Optional<ProcessHandle> running = pid(pidFile).flatMap(ProcessHandle::of);
    if (running.isEmpty() || !running.get().isAlive()) {
      return;
    }
    ProcessHandle postmaster = running.get();
    if (!isPostgres(postmaster)) {
      LOG.info("{} names pid {}, which is no postgres now; removing it", pidFile, postmaster.pid());
      delete(pidFile);
      return;
    }
    LOG.warn(
        "a postgres (pid {}) left running by an earlier owner serves {}; stopping it first",
        postmaster.pid(),
        pgdata);
    ServerAccount.run(List.of("kill", "-INT", Long.toString(postmaster.pid())));
    if (!awaitExit(postmaster, timeout)) {
      LOG.warn(
          "postgres {} ignored the fast shutdown for {}; killing it", postmaster.pid(), timeout);
      postmaster.destroyForcibly();
      if (!awaitExit(postmaster, timeout)) {
        throw new LocalPostgresException(
            "the earlier postgres (pid " + postmaster.pid() + ") on " + pgdata + " does not stop");
      }
    }
  }

  static Optional<Long> pid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> Path.of(c).getFileName().toString()).stream()
        .anyMatch("postgres"::equals);
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalPostgresException("interrupted waiting for postgres to stop", e);
      }
    }
    return !process.isAlive();
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new LocalPostgresException("cannot remove the stale " + file, e);
    }
  }
}
