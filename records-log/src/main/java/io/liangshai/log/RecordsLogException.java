package io.liangshai.log;

/** The records log (Kafka) did not take a batch, or could not be reached. */
public final class RecordsLogException extends Exception {

  public RecordsLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
