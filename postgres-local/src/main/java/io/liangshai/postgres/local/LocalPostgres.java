package io.liangshai.postgres.local;

import io.liangshai.local.process.Lifetime;
import io.liangshai.local.process.ProcessSupervisor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 owned by this JVM, on 127.0.0.1 with a password ({@link #jdbcUrl}, {@link #user},
 * {@link #password}), over the cluster in {@code config.dir()/pgdata}. The server binaries come
 * from a Maven jar and are unpacked on first start; {@code initdb} runs on first start.
 *
 * <p>A root JVM runs the server as {@code nobody} ({@link ServerAccount}). The server stops with
 * this JVM however it ends ({@link PostmasterCommand}'s watchdog); a server left running by an
 * earlier owner of the directory is stopped before this one starts ({@link StalePostmaster}). A
 * postmaster that dies before {@link #close()} is started again on the same port ({@link
 * ProcessSupervisor}), so {@link #jdbcUrl} stays valid.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final int PORT_ATTEMPTS = 3;

  private final LocalPostgresConfig config;
  private final int port;
  private final String password;
  private final Lifetime lifetime;
  private final ProcessSupervisor supervisor;
  private volatile Postmaster postmaster;

  private LocalPostgres(
      LocalPostgresConfig config,
      int port,
      String password,
      Postmaster postmaster,
      PostgresBinaries binaries,
      ServerAccount account) {
    this.config = config;
    this.port = port;
    this.password = password;
    this.postmaster = postmaster;
    this.lifetime = new Lifetime("local-postgres-stop", this::stop);
    this.supervisor =
        new ProcessSupervisor(
            "local PostgreSQL on port " + port + " over " + config.pgdata(),
            () -> this.postmaster.handle(),
            () -> relaunch(binaries, account).handle(),
            lifetime::isClosed);
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
        Postmaster postmaster = Postmaster.launch(config, binaries, account, port, password);
        LocalPostgres server =
            new LocalPostgres(config, port, password, postmaster, binaries, account);
        LOG.info(
            "local PostgreSQL on 127.0.0.1:{} over {} ready in {} ms (postmaster {}{})",
            port,
            config.pgdata(),
            (System.nanoTime() - started) / 1_000_000,
            postmaster.handle().pid(),
            account.switchesUser() ? ", as " + ServerAccount.UNPRIVILEGED : "");
        server.supervisor.start();
        return server;
      } catch (PortTakenException e) {
        if (config.port() != 0 || attempt == PORT_ATTEMPTS) {
          throw new LocalPostgresException("port " + port + " is taken: " + e.getMessage());
        }
      }
    }
  }

  /**
   * A new postmaster on the same cluster and port, after the dead one's watchdog is gone; the
   * supervisor's way back.
   */
  private Postmaster relaunch(PostgresBinaries binaries, ServerAccount account) {
    postmaster.stop(1);
    StalePostmaster.takeOver(config.pgdata(), config.startupTimeout());
    Postmaster again = Postmaster.launch(config, binaries, account, port, password);
    if (!lifetime.ifOpen(() -> postmaster = again)) {
      again.stop(STOP_TIMEOUT_SECONDS);
      throw new LocalPostgresException("closed while restarting the local PostgreSQL");
    }
    return again;
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

  /** 127.0.0.1, this server's port, the superuser and its password. */
  public PostgresEndpoint endpoint() {
    return new PostgresEndpoint("127.0.0.1", port, user(), password);
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}, without credentials. */
  public String jdbcUrl(String database) {
    return endpoint().jdbcUrl(database);
  }

  /** A connection to {@code database} as the superuser. */
  public Connection connect(String database) throws SQLException {
    return endpoint().connect(database);
  }

  public LocalPostgresConfig config() {
    return config;
  }

  /** The postmaster's process id. */
  public long postmasterPid() {
    return postmaster.handle().pid();
  }

  public boolean isRunning() {
    return postmaster.handle().isAlive();
  }

  /** How many times the supervisor has started the server again after its postmaster died. */
  public int restarts() {
    return supervisor.restarts();
  }

  /** Stops supervising without stopping the server: for tests of an owner that vanished. */
  void stopSupervising() {
    supervisor.stop();
  }

  /** Stops the server (fast shutdown: open transactions roll back); idempotent. */
  @Override
  public void close() {
    lifetime.close();
  }

  /** Runs once; the lifetime is closed already, so no restart swaps the postmaster any more. */
  private void stop() {
    supervisor.stop();
    postmaster.stop(STOP_TIMEOUT_SECONDS);
    LOG.info("local PostgreSQL over {} stopped", config.pgdata());
  }
}
