package io.liangshai.launcher;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.kafka.local.LocalKafka;
import io.liangshai.log.RecordsLogException;
import io.liangshai.log.RecordsTopic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka the records log lives on: the cluster of {@code LIANGSHAI_KAFKA} when set, else a
 * {@link LocalKafka} broker under {@code LIANGSHAI_DATA_DIR/kafka}, dying with the platform. Either
 * way the records topic is created if missing, and whether it was empty at start is noted (the step
 * from the release that read records files: {@code LogBackfill}).
 */
final class LogServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogServer.class);

  private final RecordsTopic topic;
  private final boolean emptyAtStart;
  private final Optional<LocalKafka> local;

  private LogServer(RecordsTopic topic, boolean emptyAtStart, Optional<LocalKafka> local) {
    this.topic = topic;
    this.emptyAtStart = emptyAtStart;
    this.local = local;
  }

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

  /** {@link #start} on a thread of its own. */
  static CompletableFuture<LogServer> startAsync(LiangshaiConfig config) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return start(config);
          } catch (RecordsLogException e) {
            throw new CompletionException(e);
          }
        });
  }

  /** Closes what {@link #startAsync} started, once it has (a failed start left nothing open). */
  static void closeWhenStarted(CompletableFuture<LogServer> starting) {
    starting.thenAccept(LogServer::close).exceptionally(e -> null).join();
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
      topic.ensure();
      return new LogServer(topic, topic.isEmpty(), local);
    } catch (RecordsLogException | RuntimeException e) {
      local.ifPresent(LocalKafka::close);
      throw e;
    }
  }

  static LogServer await(CompletableFuture<LogServer> started) throws Exception {
    try {
      return started.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  RecordsTopic topic() {
    return topic;
  }

  boolean emptyAtStart() {
    return emptyAtStart;
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
