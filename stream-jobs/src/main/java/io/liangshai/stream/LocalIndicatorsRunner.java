package io.liangshai.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the indicators job in an embedded Flink MiniCluster on this machine: checkpoints (every half
 * second as the platform runs it) under the data directory, kept on cancel and after a crash, and
 * resumed from the newest one on the next start, so nothing read is lost or counted twice.
 */
public final class LocalIndicatorsRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalIndicatorsRunner.class);

  private final JobClient client;

  private LocalIndicatorsRunner(JobClient client) {
    this.client = client;
  }

  public static LocalIndicatorsRunner start(
      CaseIndicatorsJob job, Path checkpointDir, int parallelism, long checkpointIntervalMs)
      throws Exception {
    Objects.requireNonNull(job, "job");
    Files.createDirectories(checkpointDir);
    Configuration conf = configuration(checkpointDir, checkpointIntervalMs);
    Optional<Path> newest = latestCheckpoint(checkpointDir);
    Optional<String> restore = newest.map(p -> p.toUri().toString());
    if (newest.isPresent() && BackendConversion.writtenOnTheHeap(newest.get())) {
      restore =
          Optional.of(
              BackendConversion.toCanonicalSavepoint(
                  job, newest.get(), checkpointDir, parallelism, conf));
    }
    restore.ifPresent(
        p -> {
          LOG.info("resuming the indicators job from {}", p);
          conf.setString("execution.state-recovery.path", p);
          // A checkpoint of the release that read records files holds that source's state, which
          // no operator of this one claims: the records log is read from its beginning instead.
          conf.setString("execution.state-recovery.ignore-unclaimed-state", "true");
        });
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    job.build(env);
    JobClient client = env.executeAsync(CaseIndicatorsJob.NAME);
    LOG.info("indicators job {} running in a local Flink MiniCluster", client.getJobID());
    return new LocalIndicatorsRunner(client);
  }

  static Configuration configuration(Path checkpointDir, long checkpointIntervalMs) {
    Configuration conf = new Configuration();
    for (String key :
        new String[] {
          "rest.bind-address",
          "rest.address",
          "jobmanager.bind-host",
          "jobmanager.rpc.address",
          "taskmanager.bind-host",
          "taskmanager.host"
        }) {
      conf.setString(key, "127.0.0.1");
    }
    JobSettings.checkpointing(
        conf, checkpointDir.toUri().toString(), Duration.ofMillis(checkpointIntervalMs));
    JobSettings.restarts(conf, JobSettings.MAX_RESTART_BACKOFF);
    JobSettings.types(conf);
    return conf;
  }

  /** The newest completed checkpoint under {@code dir} ({@code <job>/chk-N/_metadata}). */
  public static Optional<Path> latestCheckpoint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(dir)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(LocalIndicatorsRunner::checkpointsOf)
          .filter(chk -> Files.exists(chk.resolve("_metadata")))
          .max(Comparator.comparing(LocalIndicatorsRunner::modified));
    }
  }

  private static Stream<Path> checkpointsOf(Path jobDir) {
    try {
      return Files.list(jobDir)
          .filter(p -> p.getFileName().toString().startsWith("chk-"))
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p.resolve("_metadata")).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  public JobClient client() {
    return client;
  }

  /**
   * The job's state in lower case as Flink names it ({@code running}, {@code restarting}, {@code
   * failed}, …); asked without blocking, so a health check can bound its wait.
   */
  public CompletionStage<String> state() {
    return client.getJobStatus().thenApply(s -> s.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void close() throws Exception {
    try {
      client.cancel().get();
    } catch (Exception e) {
      LOG.debug("cancel: {}", e.toString());
    }
  }
}
