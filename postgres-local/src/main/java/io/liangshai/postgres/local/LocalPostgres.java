package io.liangshai.postgres.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 owned by this JVM, on 127.0.0.1 with a password ({@link #jdbcUrl}, {@link #user},
 * {@link #password}), over the cluster in {@code config.dir()/pgdata}. The server binaries come
 * from a Maven jar and are unpacked on first start; {@code initdb} runs on first start.
 *
 * <p>A root JVM runs the server as {@code nobody} ({@link ServerAccount}). The server stops with
 * this JVM however it ends ({@link PostmasterCommand}'s watchdog); a server left running by an
 * earlier owner of the directory is stopped before this one starts ({@link StalePostmaster}).
 */
public final class LocalPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final int PORT_ATTEMPTS = 3;

  private final LocalPostgresConfig config;
  private final int port;
  private final String password;
  private final Process watchdog;
  private final ProcessHandle postmaster;
  private final Thread shutdownHook;
  private boolean closed;

  private LocalPostgres(
      LocalPostgresConfig config,
      int port,
      String password,
      Process watchdog,
      ProcessHandle postmaster) {
    this.config = config;
    this.port = port;
    this.password = password;
    this.watchdog = watchdog;
    this.postmaster = postmaster;
    this.shutdownHook = new Thread(this::stop, "local-postgres-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Unpacks the binaries and creates the cluster if needed, stops a postmaster an earlier owner
   * left running, starts the server and waits until it accepts a password login.
   *
   * @throws LocalPostgresException when the server does not come up in time, with its last log
   */
  public static LocalPostgres start(LocalPostgresConfig config) {
    long started = System.nanoTime();
    ServerAccount account = ServerAccount.forThisJvm();
    String password;
    PostgresBinaries binaries;
    try {
      Files.createDirectories(config.runDir());
      binaries = PostgresBinaries.ensureUnpacked(config.dir());
      password = SuperuserPassword.readOrCreate(config.passwordFile());
      account.grantTraversal(config.dir());
      account.own(config.runDir());
      Cluster.ensureInitialised(config, binaries, account, password);
    } catch (IOException e) {
      throw new LocalPostgresException("cannot prepare PostgreSQL under " + config.dir(), e);
    }
    StalePostmaster.takeOver(config.pgdata(), config.startupTimeout());
    for (int attempt = 1; ; attempt++) {
      int port = config.port() == 0 ? freePort() : config.port();
      try {
        LocalPostgres server = launch(config, binaries, account, port, password);
        LOG.info(
            "local PostgreSQL on 127.0.0.1:{} over {} ready in {} ms (postmaster {}{})",
            port,
            config.pgdata(),
            (System.nanoTime() - started) / 1_000_000,
            server.postmaster.pid(),
            account.switchesUser() ? ", as " + ServerAccount.UNPRIVILEGED : "");
        return server;
      } catch (PortTakenException e) {
        if (config.port() != 0 || attempt == PORT_ATTEMPTS) {
          throw new LocalPostgresException("port " + port + " is taken: " + e.getMessage());
        }
      }
    }
  }

  private static LocalPostgres launch(
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
    ProcessHandle postmaster;
    try {
      postmaster = postmasterOf(watchdog, command, config);
      Readiness.await(config, port, password, postmaster);
    } catch (RuntimeException e) {
      closeQuietly(watchdog);
      throw e;
    }
    return new LocalPostgres(config, port, password, watchdog, postmaster);
  }

  /** The postmaster, from the pid its watchdog prints first. */
  private static ProcessHandle postmasterOf(
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalPostgresException("no free port on 127.0.0.1", e);
    }
  }

  public int port() {
    return port;
  }

  /** The superuser, {@code postgres}. */
  public String user() {
    return PostmasterCommand.SUPERUSER;
  }

  /** The superuser's password; keep it as secret as the data. */
  public String password() {
    return password;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}, without credentials. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A connection to {@code database} as the superuser. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user());
    properties.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  public LocalPostgresConfig config() {
    return config;
  }

  /** The postmaster's process id. */
  public long postmasterPid() {
    return postmaster.pid();
  }

  public boolean isRunning() {
    return postmaster.isAlive();
  }

  /** Stops the server (fast shutdown: open transactions roll back); idempotent. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }

  private void stop() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    closeQuietly(watchdog);
    try {
      if (!watchdog.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("local PostgreSQL did not stop in {} s; killing it", STOP_TIMEOUT_SECONDS);
        postmaster.destroyForcibly();
        watchdog.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      postmaster.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    LOG.info("local PostgreSQL over {} stopped", config.pgdata());
  }

  /** Closes the watchdog's standard input: the signal for the postmaster to stop. */
  private static void closeQuietly(Process watchdog) {
    try {
      watchdog.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("closing the PostgreSQL watchdog's input", e);
    }
  }
}
