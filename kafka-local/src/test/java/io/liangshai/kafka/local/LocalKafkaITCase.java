package io.liangshai.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.local.process.testing.ParentJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker as a child JVM: transactions, durability across restarts, a death survived. */
class LocalKafkaITCase {

  @TempDir Path dir;

  @Test
  void committedTransactionsAreReadAndAbortedOnesNeverAndBothSurviveARestart() throws Exception {
    ProcessHandle broker;
    try (LocalKafka kafka = LocalKafka.start(dir)) {
      broker = kafka.process();
      createTopic(kafka, "batches", 2);
      try (KafkaProducer<String, String> producer = transactional(kafka)) {
        producer.initTransactions();
        producer.beginTransaction();
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>("batches", "330100", "aborted-" + i));
        }
        producer.abortTransaction();
        producer.beginTransaction();
        for (int i = 0; i < 1000; i++) {
          producer.send(new ProducerRecord<>("batches", "33010" + (i % 3), "line-" + i));
        }
        producer.commitTransaction();
      }
      assertThat(readCommitted(kafka, "batches", 1000))
          .hasSize(1000)
          .allMatch(v -> v.startsWith("line-"));
    }
    try (LocalKafka again = LocalKafka.start(dir)) {
      assertThat(readCommitted(again, "batches", 1000))
          .as("the log is kept in the directory across a clean stop")
          .hasSize(1000);
    }
  }

  @Test
  void aBrokerThatDiesIsStartedAgainOnItsPortWithItsLog() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(dir)) {
      createTopic(kafka, "facts", 1);
      try (KafkaProducer<String, String> producer = transactional(kafka)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("facts", "330100", "before"));
        producer.commitTransaction();
      }
      ProcessHandle first = kafka.process();

      first.destroyForcibly();

      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (kafka.restarts() == 0 || kafka.process().pid() == first.pid()) {
        assertThat(Instant.now()).as("restarted in time").isBefore(deadline);
        Thread.sleep(100);
      }
      assertThat(readCommitted(kafka, "facts", 1)).containsExactly("before");
    }
  }

  @Test
  void theBrokerDiesWhenItsOwnerIsKilledAndTheNextOwnerFindsItsLog() throws Exception {
    try (ParentJvm owner = ParentJvm.start(KafkaOwner.class, dir.toString())) {
      ProcessHandle broker = owner.killAndAwaitExit(KafkaOwner.BROKER_PID, Duration.ofSeconds(60));

      assertThat(broker.isAlive()).as("the broker died with its owner").isFalse();
    }
    try (LocalKafka next = LocalKafka.start(dir)) {
      createTopic(next, "after", 1);
      assertThat(readCommitted(next, "after", 0)).isEmpty();
    }
  }

  private static void createTopic(LocalKafka kafka, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  private static KafkaProducer<String, String> transactional(LocalKafka kafka) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readCommitted(LocalKafka kafka, String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (values.size() < expected && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      // a little longer: anything beyond what was expected (an aborted record) would show now
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
        values.add(r.value());
      }
    }
    return values;
  }
}
