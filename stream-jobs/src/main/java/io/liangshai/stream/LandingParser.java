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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads landing-zone lines ({@link LandingFile}): the header names the batch, each record line
 * becomes a {@link Landed} record with its batch and line, the trailer closes the batch. A batch is
 * marked processed once a checkpoint that started after its trailer completes — by then every
 * operator downstream has handled its records and every sink has flushed them.
 *
 * <p>A line it cannot read (not JSON, not a valid record, an unknown control line) goes to the
 * {@link Quarantine} and the next line is read. In a file written before headers existed the batch
 * is known only at the trailer: the rows of such a file wait for it (in state, across checkpoints).
 * The file source reads each file whole, in order, on one subtask, so the line count is exact.
 */
public class LandingParser extends ProcessFunction<String, Landed>
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

  /** The current file's batch ("" until known) and its last line read (0 between files). */
  private transient Origin position;

  /** Quarantine rows of the current file while its batch is unknown. */
  private transient List<QuarantinedLine> unnamed;

  private transient ListState<String> pendingState;
  private transient ListState<Origin> positionState;
  private transient ListState<QuarantinedLine> unnamedState;

  public LandingParser(BatchProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  @Override
  public void open(OpenContext ctx) {
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(String line, Context ctx, Collector<Landed> out) throws Exception {
    Origin here = new Origin(position.line() == 0 ? "" : position.batchId(), position.line() + 1);
    if (LandingFile.isControl(line)) {
      control(line, here, ctx);
      return;
    }
    position = here;
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
    Optional<String> header = LandingFile.headerBatch(line);
    if (header.isPresent()) {
      position = new Origin(header.get(), 1);
      unnamed.clear();
      return;
    }
    Optional<LandingFile.Trailer> trailer = LandingFile.trailerOf(line);
    if (trailer.isPresent()) {
      String batch = trailer.get().batchId();
      for (QuarantinedLine row : unnamed) {
        ctx.output(Quarantine.OUTPUT, row.inBatch(batch));
      }
      unnamed.clear();
      seen.add(batch);
      position = Origin.NONE;
      return;
    }
    position = here;
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
    QuarantinedLine row = quarantine.row(here, find(TENANT, head), find(CASE_ID, head), e, head);
    if (here.batchId().isEmpty()) {
      unnamed.add(row);
    } else {
      ctx.output(Quarantine.OUTPUT, row);
    }
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
    positionState.update(List.of(position));
    unnamedState.update(unnamed);
  }

  @Override
  public void initializeState(FunctionInitializationContext ctx) throws Exception {
    var store = ctx.getOperatorStateStore();
    pendingState = store.getListState(new ListStateDescriptor<>("pending-batches", Types.STRING));
    positionState =
        store.getListState(new ListStateDescriptor<>("position", TypeInformation.of(Origin.class)));
    unnamedState =
        store.getListState(
            new ListStateDescriptor<>(
                "unnamed-quarantine", TypeInformation.of(QuarantinedLine.class)));
    seen = new ArrayList<>();
    waiting = new TreeMap<>();
    position = Origin.NONE;
    unnamed = new ArrayList<>();
    if (ctx.isRestored()) {
      // Batches that were in a checkpoint we restored from: their records are in that state and
      // its sinks flushed them, but the notice may never have come. Mark them at the next one.
      for (String id : pendingState.get()) {
        seen.add(id);
      }
      // The source resumes inside the file it was reading: so does the line count.
      for (Origin o : positionState.get()) {
        position = o;
      }
      for (QuarantinedLine row : unnamedState.get()) {
        unnamed.add(row);
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
