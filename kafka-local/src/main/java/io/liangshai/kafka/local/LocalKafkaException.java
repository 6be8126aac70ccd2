package io.liangshai.kafka.local;

/** The local Kafka broker could not be prepared or started. */
public final class LocalKafkaException extends RuntimeException {

  public LocalKafkaException(String message) {
    super(message);
  }

  public LocalKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
