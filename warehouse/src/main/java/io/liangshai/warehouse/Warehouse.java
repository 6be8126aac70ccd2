package io.liangshai.warehouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The ClickHouse the platform reads and writes, named by one JDBC URL (a local ClickHouse or a
 * production server, the caller cannot tell). Pools connections; applies the schema on {@link
 * #open}.
 */
public final class Warehouse implements AutoCloseable {

  private final String jdbcUrl;
  private final HikariDataSource pool;

  private Warehouse(String jdbcUrl, int maxConnections) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setPoolName("clickhouse");
    config.setConnectionTimeout(30_000);
    config.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(config);
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
    return warehouse;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** A pooled connection; close it to give it back. */
  public Connection connect() throws SQLException {
    return pool.getConnection();
  }

  /** Whether ClickHouse answers a trivial query now. */
  public boolean isHealthy() {
    try (Connection c = connect();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT 1")) {
      return rs.next() && rs.getInt(1) == 1;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
