package io.liangshai.flink.local;

/** The local Flink cluster did not start, or did not take a job. */
public final class LocalFlinkException extends RuntimeException {

  public LocalFlinkException(String message) {
    super(message);
  }

  public LocalFlinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
