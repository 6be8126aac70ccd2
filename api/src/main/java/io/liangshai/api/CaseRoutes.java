package io.liangshai.api;

import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.BatchTooLargeException;
import io.liangshai.ingest.IntakeUnavailableException;
import io.liangshai.ingest.RefusalJournal;
import io.liangshai.ingest.UnparseableBatchException;
import io.liangshai.ingest.Uploader;
import io.liangshai.tenants.Principal;
import io.liangshai.warehouse.ProcessedBatchesTable;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads and their state: {@code POST /api/v1/cases}, {@code GET /api/v1/batches/{id}}. An answer
 * lists the first 1,000 row errors and their total ({@code errors_total}); all of them are in
 * {@link BatchErrorRoutes}.
 *
 * @param refusals where refused uploads are kept; they, and the accepted batches' manifests, become
 *     audit rows through {@link LandingAuditSync}
 */
record CaseRoutes(
    BatchIntake intake,
    ProcessedBatchesTable processed,
    QuarantineTable quarantine,
    RefusalJournal refusals,
    long bodyLimit) {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);

  void upload(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    BatchFormat format = UploadRequest.format(ctx);
    Optional<Charset> charset = UploadRequest.charset(ctx);
    long bytes = UploadRequest.declaredOver(ctx, bodyLimit);
    if (bytes >= 0) {
      ctx.vertx().executeBlocking(() -> refused(caller, 413, "body of " + bytes + " bytes", bytes));
      throw UploadRequest.tooLarge(bodyLimit);
    }
    Uploader uploader = new Uploader(caller.tenantCode(), caller.keyId());
    UploadRequest.streamed(
            ctx,
            () -> intake.landing().newIncomingFile(),
            bodyLimit,
            (file, size) -> ingest(caller, uploader, format, charset, file, size))
        .onSuccess(result -> ApiResponses.ok(ctx, toJson(result)))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.status() == 413) {
                ctx.vertx().executeBlocking(() -> refused(caller, 413, api.getMessage(), -1));
              }
              ctx.fail(e);
            });
  }

  private BatchResult ingest(
      Principal caller,
      Uploader uploader,
      BatchFormat format,
      Optional<Charset> charset,
      Path file,
      long size)
      throws Exception {
    try {
      return intake.ingest(uploader, format, charset, file);
    } catch (UnparseableBatchException e) {
      refused(caller, 400, e.getMessage(), size);
      throw ApiException.badRequest(e.getMessage());
    } catch (BatchTooLargeException e) {
      throw new ApiException(413, e.getMessage());
    } catch (IntakeUnavailableException e) {
      throw ApiException.unavailable(e.getMessage());
    }
  }

  /**
   * An upload answered 4xx before it became a batch: who tried, how much, and why not, kept in the
   * journal (call off the event loop); a failure is logged, never thrown.
   */
  private Void refused(Principal caller, int status, String reason, long bytes) {
    try {
      refusals.append(
          caller.tenantCode(),
          caller.keyId(),
          status,
          reason.length() > 500 ? reason.substring(0, 500) + "…" : reason,
          bytes < 0 ? null : bytes);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.error("refused upload by {} not journalled: {}", caller.keyId(), e.toString());
    }
    return null;
  }

  void batch(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String id = ctx.pathParam("batch_id");
    ApiResponses.read(
        ctx,
        () -> {
          BatchResult batch = BatchErrorRoutes.visibleBatch(intake, caller, id);
          Optional<Instant> processedAt = processed.processedAt(id);
          return toJson(batch)
              .put("processed_at", processedAt.map(Instant::toString).orElse(null))
              .put("quarantined", quarantine.linesOf(id))
              .put("state", processedAt.isEmpty() ? "accepted" : "processed");
        });
  }

  static JsonObject toJson(BatchResult r) {
    return new JsonObject()
        .put("batch_id", r.batchId())
        .put("tenant", r.tenant())
        .put("received_at", r.receivedAt().toString())
        .mergeIn(BatchJson.outcome(r))
        .put("errors_total", r.errorsTotal())
        .put("errors", BatchErrorRoutes.json(r.errors(), BatchErrorRoutes.MAX_ANSWERED_ERRORS));
  }
}
