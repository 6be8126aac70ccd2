package io.liangshai.stream;

import io.liangshai.kafka.local.testing.SharedKafka;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsTopic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A records log of a test's own: a new topic (4 partitions) on the test JVM's shared Kafka, written
 * exactly as ingest writes it ({@link RecordsLog}), for the job to read.
 */
final class TestRecordsLog implements AutoCloseable {

  private final RecordsTopic topic;
  private final RecordsLog log;
  private final Path dir;

  private TestRecordsLog(RecordsTopic topic, RecordsLog log, Path dir) {
    this.topic = topic;
    this.log = log;
    this.dir = dir;
  }

  static TestRecordsLog create() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    RecordsTopic topic =
        new RecordsTopic(SharedKafka.bootstrapServers(), "job-test-" + id, 4, (short) 1).ensure();
    return new TestRecordsLog(
        topic, RecordsLog.open(topic, "job-test-" + id), Files.createTempDirectory("records-"));
  }

  String bootstrapServers() {
    return topic.bootstrapServers();
  }

  String topic() {
    return topic.name();
  }

  /** Appends a batch: its header, {@code recordLines} (line 2 on), its trailer, under the key. */
  void append(String key, String batchId, List<String> recordLines) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String line : LandedLines.batch(batchId, recordLines)) {
      sb.append(line).append('\n');
    }
    Path file = dir.resolve(batchId + ".jsonl");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    log.append(key, batchId, file);
    Files.delete(file);
  }

  @Override
  public void close() {
    log.close();
  }
}
