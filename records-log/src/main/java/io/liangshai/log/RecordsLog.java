package io.liangshai.log;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.landing.LandingLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accepted batches to the records topic ({@link LandingLog}): each batch's records file in
 * one Kafka transaction, so the job ({@code read_committed}) sees all of a batch or none of it, and
 * the call returns only after the commit.
 *
 * <p>A pool of {@value #PRODUCERS} transactional producers lets that many uploads append at once.
 * Their transactional ids are stable for an instance ({@code liangshai-ingest-INSTANCE-N}): when an
 * instance starts again, initialising them aborts at once whatever transaction its predecessor left
 * open — otherwise every reader of that partition would wait for the transaction's timeout. Two
 * running instances must therefore have different instance ids.
 */
public final class RecordsLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecordsLog.class);

  /** Producers (concurrent appends) per instance. */
  static final int PRODUCERS = 4;

  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final RecordsTopic topic;
  private final String instance;
  private final BlockingQueue<Slot> idle = new ArrayBlockingQueue<>(PRODUCERS);
  private final List<Slot> all = new ArrayList<>();

  private RecordsLog(RecordsTopic topic, String instance) {
    this.topic = topic;
    this.instance = instance;
  }

  /**
   * Opens the log on {@code topic} (which must exist: {@link RecordsTopic#ensure}) for the instance
   * {@code instance} (letters, digits, {@code . _ -}), initialising its producers.
   */
  public static RecordsLog open(RecordsTopic topic, String instance) throws RecordsLogException {
    Objects.requireNonNull(topic, "topic");
    if (instance == null || !INSTANCE.matcher(instance).matches()) {
      throw new IllegalArgumentException("not an instance id: " + instance);
    }
    RecordsLog log = new RecordsLog(topic, instance);
    try {
      for (int n = 0; n < PRODUCERS; n++) {
        Slot slot = new Slot(n);
        slot.producer = log.producer(n);
        log.all.add(slot);
        log.idle.add(slot);
      }
    } catch (KafkaException e) {
      log.close();
      throw new RecordsLogException(
          "Kafka at " + topic.bootstrapServers() + " did not initialise the records log", e);
    }
    return log;
  }

  public RecordsTopic topic() {
    return topic;
  }

  /** The transactional id of producer {@code n} of this instance. */
  String transactionalId(int n) {
    return "liangshai-ingest-" + instance + "-" + n;
  }

  /**
   * Appends the batch {@code batchId} — the lines of its published records file {@code records} —
   * under the key {@code key} (the uploading tenant) in one transaction.
   *
   * @throws RecordsLogException when Kafka did not commit it; then nothing of it is visible to a
   *     {@code read_committed} reader, unless the commit was cut off after the broker took it
   *     (appending the batch again is harmless: the job takes an identical version once)
   */
  public void append(String key, String batchId, Path records)
      throws RecordsLogException, IOException {
    Slot slot;
    try {
      slot = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordsLogException("interrupted while waiting to append batch " + batchId, e);
    }
    try {
      if (slot.producer == null) {
        slot.producer = producer(slot.n);
      }
      send(slot.producer, key, batchId, records);
    } catch (KafkaException | IllegalStateException e) {
      // Fenced, timed out or broken: this producer is done; the slot starts a new one next time.
      closeQuietly(slot.producer);
      slot.producer = null;
      throw new RecordsLogException(
          "Kafka did not take batch " + batchId + " (" + e.getMessage() + ")", e);
    } finally {
      idle.add(slot);
    }
  }

  private void send(KafkaProducer<String, byte[]> producer, String key, String batchId, Path file)
      throws IOException {
    producer.beginTransaction();
    boolean committed = false;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (LandingFile.headerBatch(text).isPresent()) {
          continue;
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(
            new RecordHeader(LandingLog.BATCH_HEADER, batchId.getBytes(StandardCharsets.US_ASCII)));
        headers.add(new RecordHeader(LandingLog.LINE_HEADER, LandingLog.lineHeader(line)));
        producer.send(
            new ProducerRecord<>(topic.name(), null, key, LandingLog.value(text), headers));
      }
      producer.commitTransaction();
      committed = true;
    } finally {
      if (!committed) {
        abortQuietly(producer);
      }
    }
  }

  private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      LOG.debug("abort after a failed append: {}", e.toString());
    }
  }

  private KafkaProducer<String, byte[]> producer(int n) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(n));
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      closeQuietly(producer);
      throw e;
    }
    return producer;
  }

  private static void closeQuietly(KafkaProducer<String, byte[]> producer) {
    if (producer != null) {
      try {
        producer.close(java.time.Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.debug("closing a producer: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    for (Slot slot : all) {
      closeQuietly(slot.producer);
    }
  }

  private static final class Slot {
    final int n;
    KafkaProducer<String, byte[]> producer;

    Slot(int n) {
      this.n = n;
    }
  }
}
