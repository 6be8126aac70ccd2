package io.liangshai.stream;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads landing-zone lines: each record line becomes a {@link CaseRecord}; the trailer line that
 * closes a batch's file names the batch. A batch is marked processed once a checkpoint that started
 * after its trailer completes — by then every operator downstream has handled its records and every
 * sink has flushed them.
 */
public class LandingParser extends ProcessFunction<String, CaseRecord>
    implements CheckpointedFunction, CheckpointListener {

  private static final Logger LOG = LoggerFactory.getLogger(LandingParser.class);

  private final BatchProgress progress;

  /** Batches whose trailer passed, not yet in a snapshot. */
  private transient List<String> seen;

  /** Batches in a snapshot, by checkpoint id, waiting for it to complete. */
  private transient TreeMap<Long, List<String>> waiting;

  private transient ListState<String> pendingState;

  public LandingParser(BatchProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  @Override
  public void processElement(String line, Context ctx, Collector<CaseRecord> out) throws Exception {
    if (line.isBlank()) {
      return;
    }
    if (LandingFile.isControl(line)) {
      LandingFile.trailerOf(line).ifPresent(t -> seen.add(t.batchId()));
      return;
    }
    out.collect(CaseRecordCodec.fromJson(line));
  }

  @Override
  public void snapshotState(FunctionSnapshotContext ctx) throws Exception {
    if (!seen.isEmpty()) {
      waiting.put(ctx.getCheckpointId(), seen);
      seen = new ArrayList<>();
    }
    List<String> pending = new ArrayList<>();
    waiting.values().forEach(pending::addAll);
    pendingState.update(pending);
  }

  @Override
  public void initializeState(FunctionInitializationContext ctx) throws Exception {
    pendingState =
        ctx.getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("pending-batches", Types.STRING));
    seen = new ArrayList<>();
    waiting = new TreeMap<>();
    if (ctx.isRestored()) {
      // Batches that were in a checkpoint we restored from: their records are in that state and
      // its sinks flushed them, but the notice may never have come. Mark them at the next one.
      for (String id : pendingState.get()) {
        seen.add(id);
      }
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    List<String> done = new ArrayList<>();
    Iterator<Map.Entry<Long, List<String>>> it =
        waiting.headMap(checkpointId, true).entrySet().iterator();
    while (it.hasNext()) {
      done.addAll(it.next().getValue());
      it.remove();
    }
    if (!done.isEmpty()) {
      try {
        progress.markProcessed(done);
      } catch (Exception e) {
        // Not fatal: try again with the next checkpoint.
        LOG.warn("could not mark {} batches processed yet: {}", done.size(), e.toString());
        waiting.computeIfAbsent(checkpointId, k -> new ArrayList<>()).addAll(done);
      }
    }
  }
}
