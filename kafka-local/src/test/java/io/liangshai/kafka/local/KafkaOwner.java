package io.liangshai.kafka.local;

import java.nio.file.Path;

/** A JVM that owns a local Kafka and then waits, for the test that kills it. */
public final class KafkaOwner {

  static final String BROKER_PID = "broker pid: ";

  private KafkaOwner() {}

  public static void main(String[] args) throws Exception {
    LocalKafka kafka = LocalKafka.start(Path.of(args[0]));
    System.out.println(BROKER_PID + kafka.process().pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
