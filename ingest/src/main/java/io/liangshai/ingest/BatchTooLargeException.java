package io.liangshai.ingest;

/** The batch has more rows than one batch may: answered 413, nothing of it kept. */
public final class BatchTooLargeException extends Exception {

  public BatchTooLargeException(String message) {
    super(message);
  }
}
