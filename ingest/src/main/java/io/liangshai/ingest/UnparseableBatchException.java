package io.liangshai.ingest;

/** The body cannot be read as its declared format at all: answered 400 with this reason. */
public final class UnparseableBatchException extends Exception {

  public UnparseableBatchException(String message) {
    super(message);
  }

  public UnparseableBatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
