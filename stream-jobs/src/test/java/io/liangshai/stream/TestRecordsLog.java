package io.liangshai.stream;

import io.liangshai.kafka.local.testing.SharedKafka;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsTopic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A records log of each test's own (a JUnit extension, registered on an instance field): a new
 * topic (4 partitions) on the test JVM's shared Kafka, written exactly as ingest writes it ({@link
 * RecordsLog}), for the job to read.
 */
final class TestRecordsLog implements BeforeEachCallback, AfterEachCallback {

  private final int chunkBytes;

  /** A log as ingest writes it: a batch is one message unless it is longer than 8 MiB. */
  TestRecordsLog() {
    this(io.liangshai.core.landing.LandingLog.CHUNK_BYTES);
  }

  /**
   * A log whose messages gather at most {@code chunkBytes} of lines: longer batches are
   * transactions.
   */
  TestRecordsLog(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  private RecordsTopic topic;
  private RecordsLog log;
  private Path dir;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    topic =
        new RecordsTopic(SharedKafka.bootstrapServers(), "job-test-" + id, 4, (short) 1).ensure();
    log = RecordsLog.open(topic, "job-test-" + id, chunkBytes);
    dir = Files.createTempDirectory("records-");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    log.close();
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
}
