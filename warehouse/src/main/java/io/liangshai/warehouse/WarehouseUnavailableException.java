package io.liangshai.warehouse;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * ClickHouse cannot be reached now (down, hung, restarting): nothing is wrong with the request, it
 * can be sent again later. {@link Warehouse#connect()} throws it at once while {@link
 * ClickHouseProbe} finds ClickHouse unreachable; {@link #isUnavailable} also recognises the
 * driver's and the pool's own ways of saying the same.
 */
public final class WarehouseUnavailableException extends SQLTransientConnectionException {

  private static final long serialVersionUID = 1L;

  public WarehouseUnavailableException(String reason) {
    super(reason, "08001");
  }

  public WarehouseUnavailableException(String reason, Throwable cause) {
    super(reason, "08001", cause);
  }

  /**
   * Whether {@code failure} means ClickHouse is unavailable rather than that a statement is wrong:
   * this exception; or a JDBC failure caused by the transport (an {@link IOException} such as a
   * refused connection or a read timeout), a transient or connection-class ({@code 08}) SQL state,
   * or the pool's timeout waiting for a connection. A ClickHouse error about the statement itself
   * (syntax, types) is not.
   */
  public static boolean isUnavailable(Throwable failure) {
    boolean viaJdbc = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WarehouseUnavailableException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        viaJdbc = true;
        String state = sql.getSQLState();
        if (t instanceof SQLTransientException || (state != null && state.startsWith("08"))) {
          return true;
        }
      } else if (viaJdbc && t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
