package io.liangshai.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A pooled connection lent out by {@link Warehouse#connect()}, known to the warehouse until it is
 * closed, so that {@link #abort} can end a call stuck on a silent ClickHouse. A statement of an
 * aborted connection fails with {@link WarehouseUnavailableException} (whatever the driver makes of
 * its closed client), so the caller sees "unavailable", never an internal error.
 */
final class TrackedConnection implements InvocationHandler {

  private final Connection pooled;
  private final Map<Connection, TrackedConnection> lent;
  private volatile boolean aborted;

  private TrackedConnection(Connection pooled, Map<Connection, TrackedConnection> lent) {
    this.pooled = pooled;
    this.lent = lent;
  }

  /** {@code pooled}, registered in {@code lent} until closed. */
  static Connection lend(Connection pooled, Map<Connection, TrackedConnection> lent) {
    TrackedConnection tracked = new TrackedConnection(pooled, lent);
    lent.put(pooled, tracked);
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, tracked);
  }

  /** Ends the call in flight: the pool drops the connection, the driver closes its client. */
  void abort(HikariDataSource pool) throws SQLException {
    aborted = true;
    pool.evictConnection(pooled);
    pooled.abort(Runnable::run);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("close") && method.getParameterCount() == 0) {
      lent.remove(pooled);
    }
    Object result = call(pooled, method, args);
    if (result instanceof Statement && method.getReturnType().isInterface()) {
      Object statement = result;
      return Proxy.newProxyInstance(
          Connection.class.getClassLoader(),
          new Class<?>[] {method.getReturnType()},
          (p, m, a) -> call(statement, m, a));
    }
    return result;
  }

  private Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (aborted && cause instanceof SQLException sql) {
        throw new WarehouseUnavailableException(
            "ClickHouse stopped answering; this call was given up", sql);
      }
      throw cause;
    }
  }
}
