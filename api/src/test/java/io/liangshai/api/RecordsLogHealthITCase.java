package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.testing.Eventually;
import io.liangshai.kafka.local.LocalKafka;
import io.liangshai.log.LogProbe;
import io.liangshai.log.RecordsTopic;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /healthz} names the records log: {@code "records_log": "ok"} while its Kafka serves the
 * topic, and 503 {@code degraded} with {@code "records_log": "unreachable"} and since when, within
 * a few probe intervals, once that Kafka is gone. A broker of its own, so stopping it stops nothing
 * else.
 */
class RecordsLogHealthITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  @TempDir Path dir;

  @Test
  void aStoppedKafkaMakesHealthzDegradedAndSaysItIsTheRecordsLog() throws Exception {
    LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"));
    try {
      RecordsTopic topic = RecordsTopic.local(kafka.bootstrapServers()).ensure();
      try (LogProbe probe = LogProbe.start(topic, Clock.systemUTC())) {
        API.server().attachRecordsLog(probe::state);
        RawHttp.Response up = RawHttp.get(API.port(), "/healthz", null);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(new JsonObject(up.body()).getString("records_log")).isEqualTo("ok");
        assertThat(new JsonObject(up.body()).containsKey("records_log_since")).isFalse();

        Instant stopped = Instant.now();
        kafka.close();
        RawHttp.Response down =
            Eventually.within(
                Duration.ofSeconds(30),
                () -> RawHttp.get(API.port(), "/healthz", null),
                r -> r.status() == 503);
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        JsonObject body = new JsonObject(down.body());
        assertThat(body.getString("status")).isEqualTo("degraded");
        assertThat(body.getString("records_log")).isEqualTo("unreachable");
        assertThat(body.getString("clickhouse")).isEqualTo("ok");
        assertThat(Instant.parse(body.getString("records_log_since"))).isAfterOrEqualTo(stopped);
      }
    } finally {
      kafka.close();
    }
  }
}
