package io.liangshai.clickhouse.local.engine;

/** The embedded engine refused to start or to answer. */
public class ChdbException extends RuntimeException {

  public ChdbException(String message) {
    super(message);
  }
}
