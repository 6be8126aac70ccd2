package io.liangshai.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
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
  private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();

  private Warehouse(String jdbcUrl, int maxConnections) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(ClickHouseTimeouts.apply(jdbcUrl));
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setPoolName("clickhouse");
    config.setConnectionTimeout(ClickHouseTimeouts.POOL_WAIT.toMillis());
    config.setValidationTimeout(ClickHouseTimeouts.VALIDATION.toMillis());
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
    this.probe = new ClickHouseProbe(jdbcUrl, this::abortCallsInFlight, Clock.systemUTC());
  }

  /** Connects to {@code jdbcUrl} and brings its schema up to date. */
  public static Warehouse open(String jdbcUrl) throws SQLException {
    Warehouse warehouse = new Warehouse(jdbcUrl, 8);
    try (Connection c = warehouse.connect()) {
      SchemaMigrator.migrate(c);
    } catch (SQLException | RuntimeException e) {
      warehouse.close();
      throw e;
    }
    warehouse.probe.start();
    return warehouse;
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
    inUse.add(pooled);
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                inUse.remove(pooled);
              }
              try {
                return method.invoke(pooled, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
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
    for (Connection pooled : inUse) {
      try {
        pool.evictConnection(pooled);
        pooled.abort(Runnable::run);
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
