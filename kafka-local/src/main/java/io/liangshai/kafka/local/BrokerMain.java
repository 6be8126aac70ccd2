package io.liangshai.kafka.local;

import io.liangshai.local.process.ChildProcess;
import java.time.Duration;

/**
 * The broker child's entry point: Kafka's own {@code kafka.Kafka} main, plus the parent watch
 * ({@link ChildProcess#exitWhenStdinCloses}) — when the parent JVM is gone, however it went (even
 * {@code kill -9}), the broker shuts down cleanly (Kafka's shutdown hook) instead of living on as
 * an orphan holding the data directory.
 */
public final class BrokerMain {

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    ChildProcess.exitWhenStdinCloses(SHUTDOWN_GRACE);
    // kafka.Kafka is on the child's classpath only (kafka-broker's list), not on this module's.
    Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    // the broker has shut down: the parent watch must not keep this JVM alive
    System.exit(0);
  }
}
