package io.liangshai.api;

import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.BatchTooLargeException;
import io.liangshai.ingest.UnparseableBatchException;
import io.liangshai.tenants.Principal;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code POST /api/v1/indicator-values} (SPEC §7): an upload of reported indicator values in the
 * case intake's formats, streamed to a file, taken by {@link IndicatorValueIntake} and answered in
 * the case intake's shape ({@link CaseRoutes#toJson}); every upload taken is audited as {@code
 * indicator_values.upload}.
 */
record IndicatorValueRoutes(IndicatorValueIntake intake, Audit audit, long bodyLimit) {

  void upload(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    BatchFormat format = UploadRequest.format(ctx);
    Optional<Charset> charset = UploadRequest.charset(ctx);
    if (UploadRequest.declaredOver(ctx, bodyLimit) >= 0) {
      throw UploadRequest.tooLarge(bodyLimit);
    }
    UploadRequest.streamed(
            ctx,
            () -> intake.uploads().newIncomingFile(),
            bodyLimit,
            (file, size) -> take(caller, format, charset, file))
        .onSuccess(result -> ApiResponses.ok(ctx, CaseRoutes.toJson(result)))
        .onFailure(ctx::fail);
  }

  private BatchResult take(
      Principal caller, BatchFormat format, Optional<Charset> charset, Path file)
      throws IOException {
    BatchResult result;
    try {
      result = intake.ingest(caller, format, charset, file);
    } catch (UnparseableBatchException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (BatchTooLargeException e) {
      throw new ApiException(413, e.getMessage());
    }
    audit.record(
        caller,
        "indicator_values.upload",
        result.batchId(),
        BatchJson.outcome(result).put("format", format.name()));
    return result;
  }
}
