package io.liangshai.stream;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/**
 * How the indicators job checkpoints and restarts, in one place for both ways it runs: the embedded
 * MiniCluster ({@link LocalIndicatorsRunner}) and a Flink cluster ({@link CaseIndicatorsJob#main}).
 * A batch is {@code processed} only once a checkpoint has completed after its rows, so a job
 * without checkpointing would never mark any batch processed.
 */
final class JobSettings {

  /** The longest pause between two restarts after a failure. */
  static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(10);

  private JobSettings() {}

  /**
   * Checkpoints every {@code interval} into {@code checkpointsUri} (any Flink file system URI),
   * kept on cancel and after a crash so the next start resumes from the newest one.
   *
   * <p>State lives in RocksDB and checkpoints are incremental: each uploads the RocksDB files
   * written since the one before and refers to the older ones it still needs. So a checkpoint, and
   * with it the time until a batch is {@code processed}, costs what changed, not the whole history
   * (measured in {@code bench freshness}: docs/benchmarks.md).
   */
  static void checkpointing(Configuration conf, String checkpointsUri, Duration interval) {
    conf.setString("execution.checkpointing.interval", interval.toMillis() + " ms");
    conf.setString("execution.checkpointing.storage", "filesystem");
    conf.setString("execution.checkpointing.dir", checkpointsUri);
    conf.setString(
        "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    conf.setString(
        "execution.checkpointing.min-pause", Math.min(interval.toMillis() / 2, 500) + " ms");
    conf.setString("state.backend.type", "rocksdb");
    conf.setString("execution.checkpointing.incremental", "true");
  }

  /**
   * Never gives up: while ClickHouse is down every attempt fails fast (the sinks' timeouts), and
   * the job must catch up by itself once it is back; backing off to at most {@code maxBackoff}
   * keeps that soon.
   */
  static void restarts(Configuration conf, Duration maxBackoff) {
    conf.setString("restart-strategy.type", "exponential-delay");
    conf.setString("restart-strategy.exponential-delay.initial-backoff", "1 s");
    conf.setString("restart-strategy.exponential-delay.max-backoff", maxBackoff.toMillis() + " ms");
    conf.setString("restart-strategy.exponential-delay.backoff-multiplier", "1.5");
    conf.setString("restart-strategy.exponential-delay.reset-backoff-threshold", "1 min");
    conf.setString(
        "restart-strategy.exponential-delay.attempts-before-reset-backoff",
        Integer.toString(Integer.MAX_VALUE));
  }

  /** Types must have a Flink serializer: a generic (Kryo) type is a build-time error. */
  static void types(Configuration conf) {
    conf.setString("pipeline.generic-types", "false");
  }
}
