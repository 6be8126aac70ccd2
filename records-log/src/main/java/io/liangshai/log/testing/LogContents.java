package io.liangshai.log.testing;

import io.liangshai.core.landing.LandingLog;
import io.liangshai.log.RecordsTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a {@code read_committed} reader finds in a records topic, as the job would: every line, a
 * message carrying several ({@link LandingLog#LINES_HEADER}) read as its lines.
 */
public final class LogContents {

  /**
   * One line: its message's partition, offset and key, its batch, its line of the records file and
   * its text.
   */
  public record Message(
      int partition, long offset, String key, String batch, long line, String text) {}

  private LogContents() {}

  /** Every committed message of {@code topic}, partition by partition, in offset order. */
  public static List<Message> read(RecordsTopic topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<Message> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.addAll(lines(r));
        }
      }
    }
    return out.stream()
        .sorted(java.util.Comparator.comparingInt(Message::partition))
        .collect(Collectors.toList());
  }

  private static List<Message> lines(ConsumerRecord<String, byte[]> r) {
    String batch = new String(r.headers().lastHeader(LandingLog.BATCH_HEADER).value());
    long first =
        LandingLog.lineOf(r.headers().lastHeader(LandingLog.LINE_HEADER).value()).orElse(-1);
    var count = r.headers().lastHeader(LandingLog.LINES_HEADER);
    List<String> texts =
        count == null
            ? List.of(new String(r.value(), StandardCharsets.UTF_8))
            : LandingLog.lines(r.value(), (int) LandingLog.lineOf(count.value()).orElse(1));
    List<Message> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      lines.add(new Message(r.partition(), r.offset(), r.key(), batch, first + i, texts.get(i)));
    }
    return lines;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      // read_committed: the position passes the last transaction's marker once it is read.
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
