package io.liangshai.stream;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
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
 * Reads the records log's lines ({@link LogLine}, {@link LandingFile}'s format): each record line
 * becomes a {@link Landed} record with the batch and line its message names, the trailer closes the
 * batch. A batch is marked processed once a checkpoint that started after its trailer completes —
 * by then every operator downstream has handled its records and every sink has flushed them. Each
 * message names its own batch, so batches of different partitions and transactions may interleave.
 *
 * <p>A line it cannot read (not JSON, not a valid record, an unknown control line, a line the log
 * carried cut) goes to the {@link Quarantine} and the next line is read.
 */
public class LandingParser extends ProcessFunction<LogLine, Landed>
    implements CheckpointedFunction, CheckpointListener {

  static final String NAME = "parse records";

  private static final Logger LOG = LoggerFactory.getLogger(LandingParser.class);

  /** The identity fields, near the start of a canonical record line. */
  private static final Pattern TENANT = Pattern.compile("\"tenant_code\"\\s*:\\s*\"(\\d{6})\"");

  private static final Pattern CASE_ID =
      Pattern.compile("\"case_id\"\\s*:\\s*\"([^\"\\\\]{1,64})\"");

  private final BatchProgress progress;
  private final Quarantine quarantine = new Quarantine(NAME);

  /** Batches whose trailer passed, not yet in a snapshot. */
  private transient List<String> seen;

  /** Batches in a snapshot, by checkpoint id, waiting for it to complete. */
  private transient TreeMap<Long, List<String>> waiting;

  private transient ListState<String> pendingState;

  public LandingParser(BatchProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  @Override
  public void open(OpenContext ctx) {
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(LogLine in, Context ctx, Collector<Landed> out) throws Exception {
    Origin here = in.origin();
    String line = in.text();
    if (LandingFile.isControl(line)) {
      control(line, here, ctx);
      return;
    }
    if (line.isBlank()) {
      return;
    }
    Landed landed;
    try {
      landed = new Landed(here, CaseRecordCodec.fromJson(line));
    } catch (RuntimeException e) {
      setAside(here, line, e, ctx);
      return;
    }
    out.collect(landed);
  }

  private void control(String line, Origin here, Context ctx) {
    if (LandingFile.headerBatch(line).isPresent()) {
      return;
    }
    Optional<LandingFile.Trailer> trailer = LandingFile.trailerOf(line);
    if (trailer.isPresent()) {
      seen.add(trailer.get().batchId());
      return;
    }
    setAside(
        here,
        line,
        new IllegalArgumentException(
            "a control line ("
                + LandingFile.HEADER_PREFIX
                + " or "
                + LandingFile.TRAILER_PREFIX
                + ") that is neither a header nor a trailer"),
        ctx);
  }

  private void setAside(Origin here, String line, RuntimeException e, Context ctx) {
    String head =
        line.length() > QuarantinedLine.MAX_CONTENT
            ? line.substring(0, QuarantinedLine.MAX_CONTENT)
            : line;
    ctx.output(
        Quarantine.OUTPUT, quarantine.row(here, find(TENANT, head), find(CASE_ID, head), e, head));
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : "";
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
    var store = ctx.getOperatorStateStore();
    pendingState = store.getListState(new ListStateDescriptor<>("pending-batches", Types.STRING));
    // The release that read records files also kept "position" and "unnamed-quarantine" here; a
    // checkpoint of it restores them unread (the log names every line's batch and line itself).
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
