package io.liangshai.postgres.local;

/** The local PostgreSQL could not be started or stopped. */
public class LocalPostgresException extends RuntimeException {

  public LocalPostgresException(String message) {
    super(message);
  }

  public LocalPostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
