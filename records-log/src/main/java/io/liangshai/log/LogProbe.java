package io.liangshai.log;

import io.liangshai.core.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Kafka every {@link #INTERVAL}, off every request path, whether the records topic can take
 * appends — it is described within {@link #TIMEOUT} and every partition has a leader — and
 * remembers the answer, so {@code /healthz} can say at once whether an upload would be refused with
 * 503 because the log is down.
 */
public final class LogProbe implements AutoCloseable {

  /** What the probe last found. */
  public record State(boolean reachable, Instant since, String problem) {}

  public static final Duration INTERVAL = Duration.ofSeconds(2);
  public static final Duration TIMEOUT = Duration.ofMillis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(LogProbe.class);

  private final RecordsTopic topic;
  private final Clock clock;
  private final Admin admin;
  private final ScheduledExecutorService timer;
  private volatile State state;

  private LogProbe(RecordsTopic topic, Clock clock) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Objects.requireNonNull(clock, "clock");
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topic.bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    this.admin = Admin.create(p);
    this.state = new State(true, clock.instant(), "");
    this.timer = DaemonThreads.scheduler("records-log-probe");
  }

  /** Probes once now, then every {@link #INTERVAL} until closed. */
  public static LogProbe start(RecordsTopic topic, Clock clock) {
    LogProbe probe = new LogProbe(topic, clock);
    probe.probe();
    long every = INTERVAL.toMillis();
    probe.timer.scheduleWithFixedDelay(probe::probe, every, every, TimeUnit.MILLISECONDS);
    return probe;
  }

  public State state() {
    return state;
  }

  void probe() {
    String problem = ask();
    State before = state;
    if (problem == null && !before.reachable()) {
      state = new State(true, clock.instant(), "");
      LOG.info("the records log {} answers again (down since {})", topic.name(), before.since());
    } else if (problem != null && before.reachable()) {
      state = new State(false, clock.instant(), problem);
      LOG.warn("the records log {} is down: {}", topic.name(), problem);
    } else if (problem != null) {
      state = new State(false, before.since(), problem);
    }
  }

  /** Null when every partition of the topic has a leader, else what went wrong. */
  private String ask() {
    try {
      TopicDescription d =
          admin
              .describeTopics(List.of(topic.name()))
              .allTopicNames()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic.name());
      long leaderless = d.partitions().stream().filter(p -> p.leader() == null).count();
      return leaderless == 0 ? null : leaderless + " partition(s) without a leader";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return "Kafka at "
          + topic.bootstrapServers()
          + " did not describe "
          + topic.name()
          + " within "
          + TIMEOUT.toMillis()
          + " ms ("
          + e
          + ")";
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
