package io.liangshai.log;

import io.liangshai.core.landing.LandingLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The records topic on a Kafka cluster: {@code partitions} partitions (the job reads them in
 * parallel; a tenant's batches stay in one), kept for ever (the job replays it after losing its
 * state; the raw bodies rebuild it after losing the log), messages up to 16 MiB. A replication
 * factor of 0 takes the cluster's default.
 */
public record RecordsTopic(
    String bootstrapServers, String name, int partitions, short replicationFactor) {

  /** Partitions of the topic on one machine: the job's parallelism there, and room to grow. */
  public static final int LOCAL_PARTITIONS = 4;

  public RecordsTopic {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(name, "name");
    if (partitions < 1 || replicationFactor < 0) {
      throw new IllegalArgumentException("partitions must be ≥ 1, replication factor ≥ 0");
    }
  }

  /** The default topic on a single local broker. */
  public static RecordsTopic local(String bootstrapServers) {
    return new RecordsTopic(
        bootstrapServers, LandingLog.DEFAULT_TOPIC, LOCAL_PARTITIONS, (short) 1);
  }

  /** Partitions of the topic on a cluster: room for the job's parallelism to grow. */
  public static final int CLUSTER_PARTITIONS = 12;

  /** The default topic on a Kafka cluster, replicated as the cluster replicates by default. */
  public static RecordsTopic cluster(String bootstrapServers) {
    return new RecordsTopic(
        bootstrapServers, LandingLog.DEFAULT_TOPIC, CLUSTER_PARTITIONS, (short) 0);
  }

  /** Whether the topic holds no message at all (every partition's end offset is 0). */
  public boolean isEmpty() throws RecordsLogException {
    try (Admin admin = admin()) {
      return isEmpty(admin);
    }
  }

  /** Creates the topic unless it exists (whatever its settings then: an operator may tune them). */
  public RecordsTopic ensure() throws RecordsLogException {
    try (Admin admin = admin()) {
      create(admin);
      return this;
    }
  }

  /**
   * {@link #ensure} and then {@link #isEmpty}, through one admin client: what a starting platform
   * asks of the log.
   *
   * @return whether the topic held no message
   */
  public boolean ensureAndCheckEmpty() throws RecordsLogException {
    try (Admin admin = admin()) {
      create(admin);
      return isEmpty(admin);
    }
  }

  private boolean isEmpty(Admin admin) throws RecordsLogException {
    try {
      var description =
          admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name);
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      description
          .partitions()
          .forEach(p -> ask.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS).values().stream()
          .allMatch(info -> info.offset() == 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordsLogException("interrupted while reading the records topic's offsets", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new RecordsLogException(
          "Kafka at " + bootstrapServers + " did not give the offsets of topic " + name, e);
    }
  }

  private void create(Admin admin) throws RecordsLogException {
    NewTopic topic =
        new NewTopic(
                name,
                Optional.of(partitions),
                replicationFactor == 0 ? Optional.empty() : Optional.of(replicationFactor))
            .configs(
                Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024)));
    try {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new RecordsLogException(
            "could not create the records topic " + name + " on " + bootstrapServers, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordsLogException("interrupted while creating the records topic", e);
    } catch (TimeoutException | RuntimeException e) {
      throw new RecordsLogException(
          "Kafka at " + bootstrapServers + " did not answer while creating topic " + name, e);
    }
  }

  private Admin admin() throws RecordsLogException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try {
      return Admin.create(p);
    } catch (RuntimeException e) {
      throw new RecordsLogException("cannot reach Kafka at " + bootstrapServers, e);
    }
  }
}
