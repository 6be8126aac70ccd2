package io.liangshai.api;

import io.liangshai.core.record.FieldError;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.BatchTooLargeException;
import io.liangshai.ingest.TextEncoding;
import io.liangshai.ingest.UnparseableBatchException;
import io.liangshai.ingest.Uploader;
import io.liangshai.tenants.Principal;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Uploads and their state: {@code POST /api/v1/cases}, {@code GET /api/v1/batches/{id}}. */
final class CaseRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);

  /** Row errors copied into the {@code batches} table; the manifest keeps all of them. */
  private static final int MAX_AUDITED_ERRORS = 1000;

  private final BatchIntake intake;
  private final Warehouse warehouse;
  private final QuarantineTable quarantine;
  private final long bodyLimit;

  /**
   * Records uploads (and copies batch summaries into ClickHouse) off the request path, in order.
   */
  private final Audit audit;

  CaseRoutes(BatchIntake intake, Warehouse warehouse, long bodyLimit, Audit audit) {
    this.intake = Objects.requireNonNull(intake, "intake");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.quarantine = new QuarantineTable(warehouse);
    this.bodyLimit = bodyLimit;
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  void upload(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String contentType = ctx.request().getHeader("Content-Type");
    BatchFormat format =
        BatchFormat.fromContentType(contentType)
            .orElseThrow(
                () ->
                    new ApiException(
                        415,
                        "Content-Type "
                            + (contentType == null ? "(none)" : "'" + contentType + "'")
                            + " is not a batch format: use application/json (an array),"
                            + " application/x-ndjson, text/csv or "
                            + BatchFormat.XLSX_CONTENT_TYPE));
    Optional<Charset> charset;
    try {
      charset = TextEncoding.declared(contentType);
    } catch (UnparseableBatchException e) {
      throw new ApiException(415, e.getMessage());
    }
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > bodyLimit) {
      refused(caller, 413, "body of " + length + " bytes", Long.parseLong(length));
      throw new ApiException(413, "request body larger than the limit of " + bodyLimit + " bytes");
    }
    Uploader uploader = new Uploader(caller.tenantCode(), caller.keyId());
    ctx.vertx()
        .executeBlocking(() -> intake.landing().newIncomingFile())
        .compose(
            file ->
                BodyToFile.write(ctx.vertx(), ctx.request(), file, bodyLimit)
                    .recover(
                        e -> {
                          deleteQuietly(file);
                          return Future.failedFuture(e);
                        })
                    .compose(
                        size ->
                            ctx.vertx()
                                .executeBlocking(
                                    () -> ingest(caller, uploader, format, charset, file, size))))
        .onSuccess(result -> ApiResponses.ok(ctx, toJson(result)))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.status() == 413) {
                refused(caller, 413, api.getMessage(), -1);
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
      BatchResult result = intake.ingest(uploader, format, charset, file);
      audit.later(() -> recordBatch(result));
      audit.recordLater(caller, "batch.upload", result.batchId(), uploadDetail(result));
      return result;
    } catch (UnparseableBatchException e) {
      refused(caller, 400, e.getMessage(), size);
      throw ApiException.badRequest(e.getMessage());
    } catch (BatchTooLargeException e) {
      throw new ApiException(413, e.getMessage());
    }
  }

  /** An upload answered 4xx before it became a batch: who tried, how much, and why not. */
  private void refused(Principal caller, int status, String reason, long bytes) {
    audit.recordLater(
        caller,
        "batch.refused",
        "",
        new JsonObject()
            .put("status", status)
            .put("reason", reason.length() > 500 ? reason.substring(0, 500) + "…" : reason)
            .put("bytes", bytes < 0 ? null : bytes));
  }

  private static JsonObject uploadDetail(BatchResult r) {
    return new JsonObject()
        .put("bytes", r.bytes())
        .put("sha256", r.sha256())
        .put("format", r.format().name())
        .put("accepted", r.accepted())
        .put("ignored", r.ignored())
        .put("rejected", r.rejected());
  }

  /** Copies the batch's summary into ClickHouse for audit queries; the manifest stays the truth. */
  private void recordBatch(BatchResult r) {
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO batches (batch_id, tenant_code, key_id, received_at, content_type,"
                    + " bytes, sha256, accepted, ignored, rejected, errors) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.batchId());
      ps.setString(2, r.tenant());
      ps.setString(3, r.keyId());
      ps.setTimestamp(4, Timestamp.from(r.receivedAt()));
      ps.setString(5, r.format().name());
      ps.setLong(6, r.bytes());
      ps.setString(7, r.sha256());
      ps.setInt(8, r.accepted());
      ps.setInt(9, r.ignored());
      ps.setInt(10, r.rejected());
      ps.setString(11, errorsJson(r, MAX_AUDITED_ERRORS).encode());
      ps.executeUpdate();
    } catch (SQLException e) {
      LOG.warn(
          "batch {} is landed but its audit row was not written: {}", r.batchId(), e.toString());
    }
  }

  void batch(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String id = ctx.pathParam("batch_id");
    ctx.vertx()
        .executeBlocking(
            () -> {
              Optional<BatchResult> batch = intake.batch(id);
              if (batch.isEmpty()) {
                throw ApiException.notFound("no batch " + id);
              }
              if (!caller.canAccess(batch.get().tenant())) {
                throw ApiException.forbidden(
                    "batch "
                        + id
                        + " was sent by tenant "
                        + batch.get().tenant()
                        + ", outside the scope of this key");
              }
              return toJson(batch.get())
                  .put("processed_at", processedAt(id).map(Instant::toString).orElse(null))
                  .put("quarantined", quarantine.linesOf(id));
            })
        .onSuccess(
            json ->
                ApiResponses.ok(
                    ctx,
                    json.put(
                        "state",
                        json.getString("processed_at") == null ? "accepted" : "processed")))
        .onFailure(ctx::fail);
  }

  private Optional<Instant> processedAt(String batchId) throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT processed_at FROM processed_batches WHERE batch_id = ? LIMIT 1")) {
      ps.setString(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  static JsonObject toJson(BatchResult r) {
    return new JsonObject()
        .put("batch_id", r.batchId())
        .put("tenant", r.tenant())
        .put("received_at", r.receivedAt().toString())
        .put("bytes", r.bytes())
        .put("sha256", r.sha256())
        .put("accepted", r.accepted())
        .put("ignored", r.ignored())
        .put("rejected", r.rejected())
        .put("errors", errorsJson(r));
  }

  private static JsonArray errorsJson(BatchResult r) {
    return errorsJson(r, Integer.MAX_VALUE);
  }

  private static JsonArray errorsJson(BatchResult r, int max) {
    JsonArray errors = new JsonArray();
    for (FieldError e : r.errors()) {
      if (errors.size() == max) {
        break;
      }
      errors.add(
          new JsonObject()
              .put("row", e.row())
              .put("case_id", e.caseId())
              .put("field", e.field())
              .put("message", e.message()));
    }
    return errors;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      LOG.warn("could not delete {}: {}", file, e.toString());
    }
  }
}
