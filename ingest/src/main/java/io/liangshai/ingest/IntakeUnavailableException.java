package io.liangshai.ingest;

/**
 * The version index (PostgreSQL) could not judge the batch: not reachable, or the batch stayed
 * deadlocked with concurrent uploads after every retry. Answered 503; nothing of the batch is kept,
 * so the uploader sends it again.
 */
public final class IntakeUnavailableException extends java.io.IOException {

  public IntakeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
