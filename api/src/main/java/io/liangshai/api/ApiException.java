package io.liangshai.api;

/** A failure the client can act on: carries the HTTP status and a message for the JSON body. */
public final class ApiException extends RuntimeException {

  /** How long a client is told to wait before sending again when a dependency is down. */
  static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(5);

  private final int status;
  private final java.util.Optional<java.time.Duration> retryAfter;

  public ApiException(int status, String message) {
    this(status, message, java.util.Optional.empty());
  }

  private ApiException(int status, String message, java.util.Optional<java.time.Duration> retry) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
    }
    this.status = status;
    this.retryAfter = retry;
  }

  public int status() {
    return status;
  }

  /** The {@code Retry-After} the answer carries, if sending again later can succeed. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return retryAfter;
  }

  /**
   * 503: a dependency the request needs (PostgreSQL, Kafka) did not answer; the client may send
   * again after {@link #RETRY_AFTER}. {@code message} says which, never in the driver's words.
   */
  public static ApiException unavailable(String message) {
    return new ApiException(503, message, java.util.Optional.of(RETRY_AFTER));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
