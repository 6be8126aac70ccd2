package io.liangshai.clickhouse.local.front;

/** A request the front refuses before or instead of the engine, with a ClickHouse error code. */
final class FrontException extends RuntimeException {

  private final int code;
  private final int httpStatus;

  FrontException(int code, int httpStatus, String message) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  int code() {
    return code;
  }

  int httpStatus() {
    return httpStatus;
  }
}
