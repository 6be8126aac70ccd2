package io.liangshai.api;

import io.liangshai.core.concurrent.DaemonThreads;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.ManifestLog;
import io.liangshai.ingest.Refusal;
import io.liangshai.ingest.RefusalJournal;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.BatchesTable;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the upload audit durable: the {@code batch.upload} audit rows and the {@code batches} rows
 * are derived from the landing zone's manifests, the {@code batch.refused} rows from its {@link
 * RefusalJournal}, and written into ClickHouse by this one background thread — at start, within a
 * second of every new manifest or refusal, and again as soon as ClickHouse answers after an outage.
 * A crash or an outage therefore delays rows but never loses them.
 *
 * <p>It never writes a row twice: an audit row is looked up before it is inserted, the {@code
 * batches} row is replaced by batch id. It reads only what is new: its watermarks (the greatest
 * batch id in {@code batches}, the greatest refusal id in {@code audit_log}) come from ClickHouse
 * at start and advance only past what was written, in id order. Batches are taken concurrently
 * (several uploads at once, and several API processes on one landing zone), so a batch received
 * earlier may publish its manifest after a later one: manifests received up to {@link #LOOK_BACK}
 * before the watermark are looked at again, those already written skipped by id.
 */
public final class LandingAuditSync implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LandingAuditSync.class);

  /** Row errors copied into the {@code batches} table; the manifest keeps all of them. */
  static final int MAX_AUDITED_ERRORS = 1000;

  private static final long TICK_MS = 500;
  private static final Duration FULL_LOOK = Duration.ofSeconds(10);

  /** How long before the newest written batch a batch still being taken may have been received. */
  static final Duration LOOK_BACK = Duration.ofHours(1);

  private final ManifestLog manifests;
  private final RefusalJournal refusals;
  private final BatchesTable batches;
  private final AuditLog audit;
  private final Clock clock;
  private ScheduledExecutorService thread;

  private Optional<String> batchWatermark;
  private final NavigableSet<String> writtenRecently = new TreeSet<>();
  private boolean lookedBack;
  private Optional<String> refusalWatermark;
  private String lastStamp = "";
  private Instant lastLook = Instant.EPOCH;
  private boolean failing;

  public LandingAuditSync(LandingZone landing, Warehouse warehouse, Clock clock) {
    this.manifests = new ManifestLog(landing);
    this.refusals = new RefusalJournal(landing, clock);
    this.batches = new BatchesTable(warehouse);
    this.audit = new AuditLog(warehouse, clock);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Starts the background thread; the first back-fill runs at once. */
  public synchronized LandingAuditSync start() {
    if (thread == null) {
      thread = DaemonThreads.scheduler("landing-audit-sync");
      thread.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Writes every row ClickHouse does not hold yet; the number of rows written. */
  public synchronized int syncNow() throws IOException {
    if (batchWatermark == null) {
      batchWatermark = batches.newestBatchId();
      refusalWatermark = audit.newestObject("batch.refused");
    }
    int written = 0;
    List<String> ids = manifests.batchIdsReceivedAround(batchWatermark, LOOK_BACK);
    if (!ids.isEmpty()) {
      writtenRecently.headSet(ids.get(0)).clear();
      if (!lookedBack) {
        // What the batches table holds of the look-back window (written before a restart).
        writtenRecently.addAll(batches.batchIdsAfter(ids.get(0).substring(0, 20)));
        lookedBack = true;
      }
    }
    for (String id : ids) {
      if (writtenRecently.contains(id)) {
        continue;
      }
      Optional<BatchResult> manifest = manifests.read(id);
      if (manifest.isPresent()) {
        written += write(manifest.get());
        writtenRecently.add(id);
      }
      if (batchWatermark.isEmpty() || id.compareTo(batchWatermark.get()) > 0) {
        batchWatermark = Optional.of(id);
      }
    }
    for (Refusal r : refusals.after(refusalWatermark)) {
      if (!audit.contains("batch.refused", r.id())) {
        audit.record(r.at(), r.tenant(), r.keyId(), "batch.refused", r.id(), refusalDetail(r));
        written++;
      }
      refusalWatermark = Optional.of(r.id());
    }
    return written;
  }

  private int write(BatchResult r) {
    int written = 0;
    if (!audit.contains("batch.upload", r.batchId())) {
      audit.record(
          r.receivedAt(), r.tenant(), r.keyId(), "batch.upload", r.batchId(), uploadDetail(r));
      written++;
    }
    batches.write(
        new BatchesTable.Row(
            r.batchId(),
            r.tenant(),
            r.keyId(),
            r.receivedAt(),
            r.format().name(),
            r.bytes(),
            r.sha256(),
            r.accepted(),
            r.ignored(),
            r.rejected(),
            BatchErrorRoutes.json(r.errors(), MAX_AUDITED_ERRORS).encode()));
    return written + 1;
  }

  private synchronized void tick() {
    try {
      String stamp = manifests.stamp() + "|" + refusals.stamp();
      Instant now = clock.instant();
      boolean due =
          failing
              || batchWatermark == null
              || !stamp.equals(lastStamp)
              || Duration.between(lastLook, now).compareTo(FULL_LOOK) >= 0;
      if (!due) {
        return;
      }
      int written = syncNow();
      lastStamp = stamp;
      lastLook = now;
      if (failing) {
        LOG.info("upload audit back in ClickHouse: {} rows back-filled", written);
        failing = false;
      }
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "upload audit rows wait in the landing zone (ClickHouse not writable: {});"
                + " they are written when it answers again",
            e.toString());
        failing = true;
      }
    }
  }

  private static String uploadDetail(BatchResult r) {
    return BatchJson.outcome(r).put("format", r.format().name()).encode();
  }

  private static String refusalDetail(Refusal r) {
    return new JsonObject()
        .put("status", r.status())
        .put("reason", r.reason())
        .put("bytes", r.bytes())
        .encode();
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }
}
