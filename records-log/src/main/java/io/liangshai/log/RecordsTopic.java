package io.liangshai.log;

import io.liangshai.core.landing.LandingLog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The records topic on a Kafka cluster: {@code partitions} partitions (the job reads them in
 * parallel; a tenant's batches stay in one), kept for ever (the job replays it after losing its
 * state; the raw bodies rebuild it after losing the log), messages up to 16 MiB.
 */
public record RecordsTopic(
    String bootstrapServers, String name, int partitions, short replicationFactor) {

  /** Partitions of the topic on one machine: the job's parallelism there, and room to grow. */
  public static final int LOCAL_PARTITIONS = 4;

  public RecordsTopic {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(name, "name");
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replication factor must be ≥ 1");
    }
  }

  /** The default topic on a single local broker. */
  public static RecordsTopic local(String bootstrapServers) {
    return new RecordsTopic(
        bootstrapServers, LandingLog.DEFAULT_TOPIC, LOCAL_PARTITIONS, (short) 1);
  }

  /** Creates the topic unless it exists (whatever its settings then: an operator may tune them). */
  public RecordsTopic ensure() throws RecordsLogException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(p)) {
      NewTopic topic =
          new NewTopic(name, partitions, replicationFactor)
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
      }
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordsLogException("interrupted while creating the records topic", e);
    } catch (TimeoutException | RuntimeException e) {
      throw new RecordsLogException(
          "Kafka at " + bootstrapServers + " did not answer while creating topic " + name, e);
    }
  }
}
