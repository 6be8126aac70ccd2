package io.liangshai.warehouse;

import java.sql.SQLException;

/**
 * A warehouse call failed: the statement was refused or ClickHouse could not be reached. Unchecked,
 * so that no caller of a table class handles JDBC's {@link SQLException}; the cause keeps the
 * driver's failure, and {@link WarehouseUnavailableException#isUnavailable} still tells an outage
 * (answered 503, retry later) from a wrong statement (answered 500).
 */
public final class WarehouseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WarehouseException(String what, SQLException cause) {
    super(what + ": " + cause.getMessage(), cause);
  }

  /** Whether ClickHouse was unavailable rather than the statement wrong. */
  public boolean isUnavailable() {
    return WarehouseUnavailableException.isUnavailable(this);
  }
}
