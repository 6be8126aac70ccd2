package io.liangshai.warehouse;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The ClickHouse driver's connections as the pool gets them, but that {@link Connection#isValid}
 * asks the background probe instead of the network. The pool validates a connection idle for more
 * than half a second before lending it, and the driver's {@code isValid(timeout)} (a {@code SELECT
 * 1} run on the caller's thread) does not keep to its timeout: against a frozen ClickHouse the
 * borrower waited for the socket timeout, before the connection was lent and so out of reach of the
 * abort that ends the calls in flight. The driver talks HTTP, so a connection holds no socket that
 * a restarted server could leave stale: the probe's word is all a validation can learn.
 */
final class ProbedDataSource implements DataSource {

  private final String jdbcUrl;
  private final BooleanSupplier reachable;
  private int loginTimeoutSeconds;

  ProbedDataSource(String jdbcUrl, BooleanSupplier reachable) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.reachable = Objects.requireNonNull(reachable, "reachable");
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection driver = DriverManager.getConnection(jdbcUrl);
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("isValid") && method.getParameterCount() == 1) {
                return !driver.isClosed() && reachable.getAsBoolean();
              }
              try {
                return method.invoke(driver, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the credentials are in the JDBC URL");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // the driver logs through SLF4J
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the driver logs through SLF4J");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
