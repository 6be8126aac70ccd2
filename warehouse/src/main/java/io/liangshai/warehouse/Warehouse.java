package io.liangshai.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse the platform reads and writes, named by one JDBC URL (a local ClickHouse or a
 * production server, the caller cannot tell). Pools connections; applies the schema on {@link
 * #open}.
 *
 * <p>Never waits for ever: every connection carries {@link ClickHouseTimeouts}; while {@link
 * #probe()} finds ClickHouse unreachable, {@link #connect()} fails at once with {@link
 * WarehouseUnavailableException}, and the moment it stops answering the calls already waiting on it
 * are given up (their connections aborted), so no request holds a worker for the socket timeout.
 */
public final class Warehouse implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final String jdbcUrl;
  private final HikariDataSource pool;
  private final ClickHouseProbe probe;

  /** Pooled connections lent out now (Hikari's own objects), to abort when ClickHouse hangs. */
  private final Map<Connection, TrackedConnection> lent = new ConcurrentHashMap<>();

  private Warehouse(String jdbcUrl, int maxConnections) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.probe = new ClickHouseProbe(jdbcUrl, this::abortCallsInFlight, Clock.systemUTC());
    HikariConfig config = new HikariConfig();
    config.setDataSource(new ProbedDataSource(ClickHouseTimeouts.apply(jdbcUrl), probe::reachable));
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setPoolName("clickhouse");
    config.setConnectionTimeout(ClickHouseTimeouts.POOL_WAIT.toMillis());
    config.setValidationTimeout(ClickHouseTimeouts.VALIDATION.toMillis());
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
  }

  /**
   * Connects to {@code jdbcUrl} and brings its schema up to date. The first connection may take
   * longer than {@link ClickHouseTimeouts#POOL_WAIT} (the driver's classes load, the pool fills);
   * it is waited for up to {@link ClickHouseTimeouts#STARTUP}.
   */
  public static Warehouse open(String jdbcUrl) throws SQLException {
    return open(jdbcUrl, ClickHouseLayout.SINGLE_SERVER);
  }

  /**
   * Connects to {@code jdbcUrl} and brings its schema up to date in {@code layout} (one server or a
   * cluster); every connection carries what the layout needs ({@link ClickHouseLayout#jdbcUrl}).
   */
  public static Warehouse open(String jdbcUrl, ClickHouseLayout layout) throws SQLException {
    Warehouse warehouse = new Warehouse(layout.jdbcUrl(jdbcUrl), 8);
    try (Connection c = warehouse.firstConnection()) {
      SchemaMigrator.migrate(c, layout);
    } catch (SQLException | RuntimeException e) {
      warehouse.close();
      throw e;
    }
    warehouse.probe.start();
    return warehouse;
  }

  private Connection firstConnection() throws SQLException {
    long deadline = System.nanoTime() + ClickHouseTimeouts.STARTUP.toNanos();
    while (true) {
      try {
        return connect();
      } catch (SQLTransientConnectionException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
    }
  }

  /** The URL as given (without the timeouts this class adds). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * A pooled connection; close it to give it back.
   *
   * @throws WarehouseUnavailableException at once while ClickHouse is unreachable
   */
  public Connection connect() throws SQLException {
    ClickHouseProbe.State state = probe.state();
    if (!state.reachable()) {
      throw unavailable(state);
    }
    Connection pooled = pool.getConnection();
    Connection lentOut = TrackedConnection.lend(pooled, lent);
    // The probe may have found ClickHouse silent while the pool was handing this connection out,
    // before it was lent and so before the probe's abort could reach it: ask again now that it is.
    ClickHouseProbe.State after = probe.state();
    if (!after.reachable()) {
      lentOut.close();
      throw unavailable(after);
    }
    return lentOut;
  }

  /** Whether ClickHouse answered the last probe (at most a probe interval old, never blocks). */
  public boolean isHealthy() {
    return probe.reachable();
  }

  /** What the background probe last found. */
  public ClickHouseProbe probe() {
    return probe;
  }

  /** Gives up every call waiting on ClickHouse: its connection is evicted and aborted. */
  private void abortCallsInFlight() {
    int aborted = 0;
    for (TrackedConnection call : lent.values()) {
      try {
        call.abort(pool);
        aborted++;
      } catch (SQLException | RuntimeException e) {
        LOG.debug("could not abort a connection: {}", e.toString());
      }
    }
    if (aborted > 0) {
      LOG.warn("ClickHouse stopped answering: gave up {} calls in flight", aborted);
    }
  }

  private static WarehouseUnavailableException unavailable(ClickHouseProbe.State state) {
    return new WarehouseUnavailableException(
        "ClickHouse is unreachable since " + state.since() + ": " + state.problem());
  }

  @Override
  public void close() {
    probe.close();
    pool.close();
  }
}
