package io.liangshai.api;

import io.liangshai.core.record.FieldError;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.IntakeUnavailableException;
import io.liangshai.tenants.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch's row errors: {@code GET /api/v1/batches/{id}/errors}, every one of them (an upload's
 * answer lists at most the first {@value #MAX_ANSWERED_ERRORS}), as CSV for Excel or as JSON with
 * {@code ?format=json}. Visible to the same callers as the batch itself.
 */
final class BatchErrorRoutes {

  /** Row errors listed in an upload's answer and in {@code GET /api/v1/batches/{id}}. */
  static final int MAX_ANSWERED_ERRORS = 1_000;

  /** The CSV's columns; {@code params} holds the error's parameters as a JSON object. */
  private static final List<String> COLUMNS =
      List.of("row", "case_id", "field", "message", "code", "params");

  private final BatchIntake intake;

  BatchErrorRoutes(BatchIntake intake) {
    this.intake = Objects.requireNonNull(intake, "intake");
  }

  void errors(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String id = ctx.pathParam("batch_id");
    String format = ctx.request().getParam("format", "csv");
    if (!format.equals("csv") && !format.equals("json")) {
      throw ApiException.badRequest("format must be csv or json, found \"" + format + "\"");
    }
    ApiResponses.when(
        ctx,
        Blocking.reads(ctx, () -> visibleBatch(intake, caller, id)),
        batch -> {
          if (format.equals("json")) {
            ApiResponses.ok(
                ctx,
                new JsonObject()
                    .put("batch_id", batch.batchId())
                    .put("errors_total", batch.errorsTotal())
                    .put("errors", json(batch.errors(), Integer.MAX_VALUE)));
          } else {
            ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader(
                    "Content-Disposition",
                    "attachment; filename=\"" + batch.batchId() + ".errors.csv\"")
                .end(csv(batch.errors()));
          }
        });
  }

  /**
   * The batch {@code id} if {@code caller} may see it: its own tenant's or a descendant's.
   *
   * @throws ApiException 404 when there is no such batch, 403 when it is outside the key's scope,
   *     503 when PostgreSQL, which holds the manifests, cannot be reached
   */
  static BatchResult visibleBatch(BatchIntake intake, Principal caller, String id)
      throws IOException {
    Optional<BatchResult> found;
    try {
      found = intake.batch(id);
    } catch (IntakeUnavailableException e) {
      throw ApiException.unavailable(e.getMessage());
    }
    BatchResult batch = found.orElseThrow(() -> ApiException.notFound("no batch " + id));
    if (!caller.canAccess(batch.tenant())) {
      throw ApiException.forbidden(
          "batch "
              + id
              + " was sent by tenant "
              + batch.tenant()
              + ", outside the scope of this key");
    }
    return batch;
  }

  /** The first {@code max} errors as JSON objects with the {@link #COLUMNS}. */
  static JsonArray json(List<FieldError> errors, int max) {
    JsonArray array = new JsonArray();
    for (FieldError e : errors.subList(0, Math.min(max, errors.size()))) {
      array.add(
          new JsonObject()
              .put("row", e.row())
              .put("case_id", e.caseId())
              .put("field", e.field())
              .put("code", e.code().wireName())
              .put("params", params(e))
              .put("message", e.message()));
    }
    return array;
  }

  private static JsonObject params(FieldError e) {
    JsonObject params = new JsonObject();
    e.params().forEach(params::put);
    return params;
  }

  /** UTF-8 with a byte-order mark, so Excel shows the Chinese. */
  private static Buffer csv(List<FieldError> errors) {
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter printer =
        CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build().print(out)) {
      for (FieldError e : errors) {
        printer.printRecord(
            e.row(), e.caseId(), e.field(), e.message(), e.code().wireName(), params(e).encode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return Buffer.buffer(out.toString());
  }
}
