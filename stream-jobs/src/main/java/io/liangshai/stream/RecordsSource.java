package io.liangshai.stream;

import io.liangshai.core.landing.LandingLog;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The job's source: the records log on Kafka, read {@code read_committed} (a batch is seen whole or
 * not at all), its offsets in the job's checkpoints. A job without a checkpoint reads the topic
 * from its beginning, since its state is rebuilt from every version; the consumer group's offsets
 * are committed at each checkpoint only for monitoring (lag), never read back.
 */
final class RecordsSource {

  /** The consumer group the job reports its offsets under. */
  static final String GROUP = "liangshai-indicators";

  private RecordsSource() {}

  static KafkaSource<LogLine> of(String bootstrapServers, String topic) {
    return KafkaSource.<LogLine>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(topic)
        .setGroupId(GROUP)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new Lines())
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20))
        .setProperty("partition.discovery.interval.ms", "60000")
        .build();
  }

  /**
   * A message as its {@link LogLine}s: the lines it carries ({@link LandingLog#LINES_HEADER}), or
   * the one line of a message of the older form. Never fails, whatever a message holds.
   */
  static final class Lines implements KafkaRecordDeserializationSchema<LogLine> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LogLine> out) {
      Header batch = record.headers().lastHeader(LandingLog.BATCH_HEADER);
      Header line = record.headers().lastHeader(LandingLog.LINE_HEADER);
      Header count = record.headers().lastHeader(LandingLog.LINES_HEADER);
      String batchId = batch == null ? "" : new String(batch.value(), StandardCharsets.UTF_8);
      String id = batchId.length() <= 64 ? batchId : "";
      long first = line == null ? 0 : LandingLog.lineOf(line.value()).orElse(0);
      byte[] value = record.value() == null ? new byte[0] : record.value();
      if (count == null) {
        out.collect(new LogLine(id, first, new String(value, StandardCharsets.UTF_8)));
        return;
      }
      int lines = (int) Math.min(Integer.MAX_VALUE, LandingLog.lineOf(count.value()).orElse(1));
      long n = first;
      for (String text : LandingLog.lines(value, lines)) {
        out.collect(new LogLine(id, n, text));
        n = first == 0 ? 0 : n + 1;
      }
    }

    @Override
    public TypeInformation<LogLine> getProducedType() {
      return TypeInformation.of(LogLine.class);
    }
  }
}
