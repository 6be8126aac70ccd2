package io.liangshai.kafka.local.testing;

import io.liangshai.kafka.local.LocalKafka;
import io.liangshai.local.process.testing.SharedServer;

/**
 * One Kafka per test JVM, started on first use: the cluster named by {@code LIANGSHAI_KAFKA} if
 * set, else a {@link LocalKafka} in a temporary directory, stopped and deleted when the JVM exits.
 * Tests that share it give each of their logs a topic of its own.
 */
public final class SharedKafka {

  /** The environment variable naming an existing Kafka cluster ({@code host:port,…}). */
  public static final String KAFKA_ENV = "LIANGSHAI_KAFKA";

  private static final SharedServer<String> SERVER =
      SharedServer.externalOrLocal(
          "Kafka", KAFKA_ENV, servers -> servers, LocalKafka::start, LocalKafka::bootstrapServers);

  private SharedKafka() {}

  /** {@code host:port} for the clients' {@code bootstrap.servers}. */
  public static String bootstrapServers() {
    return SERVER.endpoint();
  }
}
