package io.liangshai.log;

import io.liangshai.core.landing.LandingLog;
import io.liangshai.log.Chunks.Chunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
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
 * Appends accepted batches to the records topic ({@link LandingLog}); the call returns only once
 * Kafka holds the batch ({@code acks=all}). A batch whose lines fit in one message ({@link
 * LandingLog#CHUNK_BYTES}, some 14,000 records) is that one message, from an idempotent producer
 * shared by every upload: one produce request, atomic by itself. A longer batch is its messages in
 * one Kafka transaction, so the job ({@code read_committed}) sees all of a batch or none of it.
 *
 * <p>A pool of {@value #PRODUCERS} transactional producers lets that many long batches append at
 * once. Their transactional ids are stable for an instance ({@code liangshai-ingest-INSTANCE-N}):
 * when an instance starts again, initialising them aborts at once whatever transaction its
 * predecessor left open — otherwise every reader of that partition would wait for the transaction's
 * timeout. Two running instances must therefore have different instance ids.
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
  private final int chunkBytes;
  private KafkaProducer<String, byte[]> single;

  private RecordsLog(RecordsTopic topic, String instance, int chunkBytes) {
    this.topic = topic;
    this.instance = instance;
    this.chunkBytes = chunkBytes;
  }

  /**
   * Opens the log on {@code topic} (which must exist: {@link RecordsTopic#ensure}) for the instance
   * {@code instance} (letters, digits, {@code . _ -}), initialising its producers.
   */
  public static RecordsLog open(RecordsTopic topic, String instance) throws RecordsLogException {
    return open(topic, instance, LandingLog.CHUNK_BYTES);
  }

  /**
   * As {@link #open(RecordsTopic, String)}, gathering at most {@code chunkBytes} of lines in a
   * message (tests use a few hundred, to send every batch as a transaction of several messages).
   */
  public static RecordsLog open(RecordsTopic topic, String instance, int chunkBytes)
      throws RecordsLogException {
    Objects.requireNonNull(topic, "topic");
    if (instance == null || !INSTANCE.matcher(instance).matches()) {
      throw new IllegalArgumentException("not an instance id: " + instance);
    }
    if (chunkBytes < 1 || chunkBytes > LandingLog.CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "chunkBytes must be 1 to " + LandingLog.CHUNK_BYTES + ", got " + chunkBytes);
    }
    RecordsLog log = new RecordsLog(topic, instance, chunkBytes);
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
   * under the key {@code key} (the uploading tenant): one message, or one transaction of several.
   *
   * @throws RecordsLogException when Kafka did not take it; then nothing of it is visible to a
   *     {@code read_committed} reader, unless the send or commit was cut off after the broker took
   *     it (appending the batch again is harmless: the job takes an identical version once)
   */
  public void append(String key, String batchId, Path records)
      throws RecordsLogException, IOException {
    try (Chunks chunks = new Chunks(records, chunkBytes)) {
      Chunk first = chunks.next().orElseThrow(() -> new IOException("empty records file"));
      Optional<Chunk> second = chunks.next();
      if (second.isEmpty()) {
        appendOne(key, batchId, first);
      } else {
        appendInTransaction(key, batchId, first, second.get(), chunks);
      }
    }
  }

  private void appendOne(String key, String batchId, Chunk chunk) throws RecordsLogException {
    KafkaProducer<String, byte[]> producer;
    try {
      producer = single();
    } catch (KafkaException e) {
      throw new RecordsLogException(
          "Kafka did not take batch " + batchId + " (" + e.getMessage() + ")", e);
    }
    try {
      producer.send(record(key, batchId, chunk)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordsLogException("interrupted while appending batch " + batchId, e);
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      // Timed out or broken: the next append starts a new producer.
      discard(producer);
      throw new RecordsLogException(
          "Kafka did not take batch " + batchId + " (" + cause.getMessage() + ")", cause);
    }
  }

  private void appendInTransaction(
      String key, String batchId, Chunk first, Chunk second, Chunks rest)
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
      send(slot.producer, key, batchId, first, second, rest);
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

  private void send(
      KafkaProducer<String, byte[]> producer,
      String key,
      String batchId,
      Chunk first,
      Chunk second,
      Chunks rest)
      throws IOException {
    producer.beginTransaction();
    boolean committed = false;
    try {
      producer.send(record(key, batchId, first));
      producer.send(record(key, batchId, second));
      for (Optional<Chunk> c = rest.next(); c.isPresent(); c = rest.next()) {
        producer.send(record(key, batchId, c.get()));
      }
      producer.commitTransaction();
      committed = true;
    } finally {
      if (!committed) {
        abortQuietly(producer);
      }
    }
  }

  private ProducerRecord<String, byte[]> record(String key, String batchId, Chunk chunk) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        new RecordHeader(LandingLog.BATCH_HEADER, batchId.getBytes(StandardCharsets.US_ASCII)));
    headers.add(new RecordHeader(LandingLog.LINE_HEADER, LandingLog.lineHeader(chunk.firstLine())));
    headers.add(new RecordHeader(LandingLog.LINES_HEADER, LandingLog.countHeader(chunk.lines())));
    return new ProducerRecord<>(topic.name(), null, key, chunk.value(), headers);
  }

  /** The shared idempotent producer, started if there is none. */
  private synchronized KafkaProducer<String, byte[]> single() {
    if (single == null) {
      single = new KafkaProducer<>(common(), new StringSerializer(), new ByteArraySerializer());
    }
    return single;
  }

  private void discard(KafkaProducer<String, byte[]> producer) {
    synchronized (this) {
      if (single != producer) {
        return; // another upload discarded it already
      }
      single = null;
    }
    closeQuietly(producer);
  }

  private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      LOG.debug("abort after a failed append: {}", e.toString());
    }
  }

  /** What every producer of the log is given: idempotent, {@code acks=all}, lz4. */
  private Properties common() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // An upload waits for its send: nothing to gain from lingering for others.
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    return p;
  }

  private KafkaProducer<String, byte[]> producer(int n) {
    Properties p = common();
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(n));
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
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
    synchronized (this) {
      closeQuietly(single);
      single = null;
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
