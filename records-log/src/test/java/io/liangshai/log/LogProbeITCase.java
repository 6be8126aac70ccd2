package io.liangshai.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.kafka.local.LocalKafka;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe behind {@code /healthz}'s {@code records_log} on a broker of its own, stopped. */
class LogProbeITCase {

  @TempDir Path dir;

  @Test
  void aStoppedBrokerIsReportedDownWithinAFewSecondsAndARunningOneUp() throws Exception {
    LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"));
    RecordsTopic topic = RecordsTopic.local(kafka.bootstrapServers()).ensure();
    try (LogProbe probe = LogProbe.start(topic, Clock.systemUTC())) {
      assertThat(probe.state().reachable()).as(probe.state().problem()).isTrue();
      kafka.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (probe.state().reachable() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(probe.state().reachable()).as("down after the broker stopped").isFalse();
      assertThat(probe.state().problem()).contains(topic.name());
    } finally {
      kafka.close();
    }
  }
}
