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

/** What a {@code read_committed} reader finds in a records topic, as the job would. */
public final class LogContents {

  /** One message: its partition, key, batch and line headers, and its text. */
  public record Message(int partition, String key, String batch, long line, String text) {}

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
          out.add(
              new Message(
                  r.partition(),
                  r.key(),
                  new String(r.headers().lastHeader(LandingLog.BATCH_HEADER).value()),
                  LandingLog.lineOf(r.headers().lastHeader(LandingLog.LINE_HEADER).value())
                      .orElse(-1),
                  new String(r.value(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out.stream()
        .sorted(java.util.Comparator.comparingInt(Message::partition))
        .collect(Collectors.toList());
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
