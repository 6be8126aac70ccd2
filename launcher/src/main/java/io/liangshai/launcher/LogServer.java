package io.liangshai.launcher;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.kafka.local.LocalKafka;
import io.liangshai.log.RecordsLogException;
import io.liangshai.log.RecordsTopic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka the records log lives on: the cluster of {@code LIANGSHAI_KAFKA} when set, else a
 * {@link LocalKafka} broker under {@code LIANGSHAI_DATA_DIR/kafka}, dying with the platform. Either
 * way the records topic is created if missing, and whether it was empty at start is noted (the step
 * from the release that read records files: {@code LogBackfill}).
 *
 * @param topic the records topic, created if it was missing
 * @param emptyAtStart whether the topic held no record when this process started
 * @param local the broker this process started, when no cluster is named
 */
record LogServer(RecordsTopic topic, boolean emptyAtStart, Optional<LocalKafka> local)
    implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogServer.class);

  /**
   * Refuses a role that shares its log with other processes (api, job) when no cluster is named:
   * each would start a broker of its own, and the job would never see another one's uploads.
   */
  static void check(LiangshaiConfig config, Role role) {
    if (role != Role.ALL && config.kafka().isEmpty()) {
      throw new IllegalArgumentException(
          "--role "
              + role
              + " shares the records log with the other processes: set LIANGSHAI_KAFKA to their"
              + " Kafka cluster (HOST:PORT,…); only --role all runs a broker of its own");
    }
  }

  static LogServer start(LiangshaiConfig config) throws RecordsLogException {
    Optional<LocalKafka> local = Optional.empty();
    try {
      RecordsTopic topic;
      if (config.kafka().isPresent()) {
        LOG.info("using the Kafka cluster at {} for the records log", config.kafka().get());
        topic = RecordsTopic.cluster(config.kafka().get());
      } else {
        local = Optional.of(LocalKafka.start(config.kafkaDir()));
        topic = RecordsTopic.local(local.get().bootstrapServers());
      }
      return new LogServer(topic, topic.ensureAndCheckEmpty(), local);
    } catch (RecordsLogException | RuntimeException e) {
      local.ifPresent(LocalKafka::close);
      throw e;
    }
  }

  /**
   * This process's id among the log's writers, stable across its restarts so that a restarted
   * instance aborts at once what its predecessor left open: {@code local} for a platform on its own
   * broker, else the host and the HTTP port (the process id when the port is chosen at random).
   */
  static String instanceId(LiangshaiConfig config) {
    if (config.kafka().isEmpty()) {
      return "local";
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host";
    }
    String port =
        config.httpPort() != 0
            ? Integer.toString(config.httpPort())
            : "pid" + ProcessHandle.current().pid();
    return (host + "-" + port).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  @Override
  public void close() {
    local.ifPresent(LocalKafka::close);
  }
}
