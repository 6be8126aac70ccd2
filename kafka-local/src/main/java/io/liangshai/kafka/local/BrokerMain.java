package io.liangshai.kafka.local;

import java.io.IOException;
import java.io.InputStream;

/**
 * The broker child's entry point: Kafka's own {@code kafka.Kafka} main, plus a watch on standard
 * input, which only the parent JVM holds open — when the parent is gone, however it went (even
 * {@code kill -9}), the broker shuts down cleanly (Kafka's shutdown hook) instead of living on as
 * an orphan holding the data directory.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Thread watcher =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                  // the parent never writes; end of file means it is gone
                }
              } catch (IOException e) {
                // a broken pipe means the same
              }
              System.err.println("parent gone (stdin closed), shutting down");
              System.exit(0);
            },
            "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    // kafka.Kafka is on the child's classpath only (kafka-broker's list), not on this module's.
    Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
  }
}
