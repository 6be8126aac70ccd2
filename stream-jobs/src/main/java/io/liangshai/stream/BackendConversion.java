package io.liangshai.stream;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkpoint of a release that kept the job's state on the heap, carried over to RocksDB: the
 * RocksDB backend cannot read a heap backend's checkpoint (its restore fails with an {@code
 * EOFException}, and the job would restart forever). So the job resumes that checkpoint once on the
 * heap backend, is stopped with a savepoint in Flink's canonical format, which every backend reads,
 * and the caller resumes the savepoint on RocksDB.
 */
final class BackendConversion {

  private static final Logger LOG = LoggerFactory.getLogger(BackendConversion.class);

  /** How long the heap run may take to start and to write its savepoint. */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private BackendConversion() {}

  /**
   * Whether the checkpoint in {@code chk} (a {@code chk-N} directory) holds keyed state and none of
   * it is an incremental RocksDB snapshot: then a heap backend wrote it.
   */
  static boolean writtenOnTheHeap(Path chk) throws IOException {
    CheckpointMetadata metadata;
    try (InputStream in = Files.newInputStream(chk.resolve("_metadata"))) {
      metadata =
          Checkpoints.loadCheckpointMetadata(
              new DataInputStream(in),
              BackendConversion.class.getClassLoader(),
              chk.toUri().toString());
    }
    boolean keyed = false;
    for (OperatorState operator : metadata.getOperatorStates()) {
      for (OperatorSubtaskState subtask : operator.getStates()) {
        for (KeyedStateHandle handle : subtask.getManagedKeyedState()) {
          if (handle instanceof IncrementalKeyedStateHandle) {
            return false;
          }
          keyed = true;
        }
      }
    }
    return keyed;
  }

  /**
   * Runs {@code job} from the heap checkpoint {@code chk} on the heap backend and stops it with a
   * canonical savepoint under {@code checkpointDir/savepoints}; returns the savepoint's path.
   */
  static String toCanonicalSavepoint(
      CaseIndicatorsJob job, Path chk, Path checkpointDir, int parallelism, Configuration conf)
      throws Exception {
    LOG.info("{} was written by the heap state backend: converting it to RocksDB", chk);
    Configuration heap = new Configuration(conf);
    heap.setString("state.backend.type", "hashmap");
    heap.setString("execution.checkpointing.incremental", "false");
    heap.setString("execution.state-recovery.path", chk.toUri().toString());
    heap.setString("execution.state-recovery.ignore-unclaimed-state", "true");
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(parallelism, heap);
    job.build(env);
    JobClient client = env.executeAsync(CaseIndicatorsJob.NAME);
    String target = checkpointDir.resolve("savepoints").toUri().toString();
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        String savepoint =
            client
                .stopWithSavepoint(false, target, SavepointFormatType.CANONICAL)
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("heap state saved in the canonical savepoint {}", savepoint);
        return savepoint;
      } catch (Exception e) {
        // The tasks are still restoring: a savepoint is refused until all of them run.
        if (Instant.now().isAfter(deadline)) {
          client.cancel().get();
          throw new IllegalStateException(
              "could not convert " + chk + " to a savepoint in " + PATIENCE, e);
        }
        LOG.debug("savepoint not taken yet: {}", e.toString());
        Thread.sleep(500);
      }
    }
  }
}
