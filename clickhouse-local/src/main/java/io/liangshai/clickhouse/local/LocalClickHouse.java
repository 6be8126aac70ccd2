package io.liangshai.clickhouse.local;

import io.liangshai.clickhouse.local.install.LibchdbInstaller;
import io.liangshai.local.process.Lifetime;
import io.liangshai.local.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse owned by this JVM: the real engine (libchdb) in a child JVM behind a ClickHouse-HTTP
 * front on 127.0.0.1, reachable with the official JDBC driver at {@link #jdbcUrl()}.
 *
 * <p>The child exits when this JVM exits, however it exits: it watches its standard input, which
 * only this JVM holds open. {@link #close()} stops it with SIGTERM, so the engine closes its data
 * directory cleanly.
 *
 * <p>If the child dies before {@link #close()} (killed, crashed), a {@link ProcessSupervisor}
 * starts it again on the same data directory and the same port, so {@link #jdbcUrl()} stays valid.
 */
public final class LocalClickHouse implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalClickHouse.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;

  private final Path dataDir;
  private final int port;
  private final Path runDir;

  /** The front's password for this start; a restarted child must get the same one. */
  private final String password;

  private final Lifetime lifetime;
  private final ProcessSupervisor supervisor;
  private volatile Process process;

  private LocalClickHouse(
      LocalClickHouseConfig config,
      Path library,
      Process process,
      int port,
      Path runDir,
      String password) {
    this.dataDir = config.dataDir();
    this.process = process;
    this.port = port;
    this.runDir = runDir;
    this.password = password;
    this.lifetime = new Lifetime("local-clickhouse-stop", this::stop);
    LocalClickHouseConfig samePort = config.withPort(port);
    this.supervisor =
        new ProcessSupervisor(
            "local ClickHouse on port " + port + " over " + dataDir,
            () -> this.process.toHandle(),
            () -> relaunch(samePort, library).toHandle(),
            lifetime::isClosed);
  }

  /**
   * Installs the engine if needed, starts the child and waits until it answers {@code /ping}.
   *
   * @throws DataDirectoryLockedException when another process runs ClickHouse on the directory
   * @throws LocalClickHouseException when the child does not come up in time
   */
  public static LocalClickHouse start(LocalClickHouseConfig config) {
    long started = System.nanoTime();
    Path library = LibchdbInstaller.inCache(config.cacheDir()).ensureInstalled();
    Path runDir;
    Process process;
    String password = ChildJvm.newPassword();
    try {
      Files.createDirectories(config.dataDir());
      runDir = Files.createTempDirectory("liangshai-clickhouse-");
      process = ChildJvm.launch(config, library, runDir.resolve("port"), password);
    } catch (IOException e) {
      throw new LocalClickHouseException("cannot start the local ClickHouse child JVM", e);
    }
    ChildOutput output = ChildOutput.follow(process.getInputStream(), LOG, "clickhouse-log");
    try {
      int port = ChildStartup.awaitPort(process, runDir.resolve("port"), config, output);
      ChildStartup.awaitPing(process, port, config);
      LocalClickHouse clickHouse =
          new LocalClickHouse(config, library, process, port, runDir, password);
      LOG.info(
          "local ClickHouse on {} over {} ready in {} ms",
          clickHouse.httpUrl(),
          config.dataDir(),
          (System.nanoTime() - started) / 1_000_000);
      clickHouse.supervisor.start();
      return clickHouse;
    } catch (RuntimeException e) {
      process.destroyForcibly();
      deleteRunDir(runDir);
      throw e;
    }
  }

  /**
   * Starts a replacement child on {@code config} (the same data directory and port) and waits until
   * it answers; the supervisor's only way to bring the engine back.
   */
  private Process relaunch(LocalClickHouseConfig config, Path library) {
    Path portFile = runDir.resolve("port");
    Process child;
    try {
      Files.deleteIfExists(portFile);
      child = ChildJvm.launch(config, library, portFile, password);
    } catch (IOException e) {
      throw new LocalClickHouseException("cannot start the local ClickHouse child JVM again", e);
    }
    ChildOutput output = ChildOutput.follow(child.getInputStream(), LOG, "clickhouse-log");
    try {
      int bound = ChildStartup.awaitPort(child, portFile, config, output);
      if (bound != port) {
        throw new LocalClickHouseException(
            "the restarted local ClickHouse bound port " + bound + " instead of " + port);
      }
      ChildStartup.awaitPing(child, port, config);
    } catch (RuntimeException e) {
      child.destroyForcibly();
      throw e;
    }
    Process started = child;
    if (!lifetime.ifOpen(() -> process = started)) {
      child.destroy();
      throw new LocalClickHouseException("closed while restarting the local ClickHouse");
    }
    return child;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** {@code http://127.0.0.1:PORT} */
  public String httpUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The JDBC URL of the {@code default} database. */
  public String jdbcUrl() {
    return jdbcUrl("default");
  }

  /**
   * {@code jdbc:clickhouse:http://127.0.0.1:PORT/DATABASE?compress=false&user=default&password=…}:
   * the front does not compress, so the driver must not ask it to, and it answers only requests
   * with this start's password. Keep the URL as secret as a password.
   */
  public String jdbcUrl(String database) {
    return "jdbc:clickhouse:"
        + httpUrl()
        + "/"
        + database
        + "?compress=false&user=default&password="
        + password;
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** The current child's process id (a new one after each restart by the supervisor). */
  public long pid() {
    return process.pid();
  }

  /** How many times the supervisor has started the child again after it died. */
  public int restarts() {
    return supervisor.restarts();
  }

  /** The current child process, for tests that end it abruptly. */
  Process process() {
    return process;
  }

  /** Stops the child (SIGTERM, then a kill after 30 s). Idempotent. */
  @Override
  public void close() {
    lifetime.close();
  }

  /** Runs once; the lifetime is closed already, so no restart swaps the process any more. */
  private void stop() {
    Process process = this.process;
    supervisor.stop();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("local ClickHouse did not stop in {} s; killing it", STOP_TIMEOUT_SECONDS);
        process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (!process.isAlive()) {
      LOG.info("local ClickHouse over {} stopped (exit status {})", dataDir, process.exitValue());
    }
    deleteRunDir(runDir);
  }

  private static void deleteRunDir(Path runDir) {
    try {
      Files.deleteIfExists(runDir.resolve("port"));
      Files.deleteIfExists(runDir);
    } catch (IOException e) {
      LOG.debug("could not remove {}", runDir, e);
    }
  }
}
