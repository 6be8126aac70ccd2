package io.liangshai.clickhouse.local;

/** The local ClickHouse could not be started. */
public class LocalClickHouseException extends RuntimeException {

  public LocalClickHouseException(String message) {
    super(message);
  }

  public LocalClickHouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
