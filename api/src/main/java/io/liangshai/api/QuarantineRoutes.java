package io.liangshai.api;

import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/quarantine?batch=&tenant=&limit=}: the landed lines the stream job set aside,
 * newest first — the province's alone (a row may carry any tenant's data).
 */
record QuarantineRoutes(TenantRegistry registry, QuarantineTable table) {

  void list(RoutingContext ctx) {
    Authentication.requireProvince(ctx, "read the quarantine");
    String batch = Params.optional(ctx, "batch");
    if (batch != null && !batch.matches("[A-Za-z0-9_-]{1,64}")) {
      throw ApiException.badRequest(
          "batch must be a batch id such as b_20240102T013000123_0a1b2c3d, got '" + batch + "'");
    }
    String tenant = Params.optional(ctx, "tenant");
    String code = tenant == null ? null : Params.tenant(ctx, registry, tenant).code();
    int limit = Params.integer(ctx, "limit", 100, 1, QuarantineTable.MAX_ROWS);
    ApiResponses.rows(ctx, Blocking.reads(ctx, () -> toJson(table.find(batch, code, limit))));
  }

  static JsonArray toJson(List<QuarantinedLine> rows) {
    JsonArray json = new JsonArray();
    for (QuarantinedLine r : rows) {
      json.add(
          new JsonObject()
              .put("batch_id", emptyToNull(r.batchId()))
              .put("line", r.line())
              .put("tenant", emptyToNull(r.tenantCode()))
              .put("case_id", emptyToNull(r.caseId()))
              .put("operator", r.operator())
              .put("reason", r.reason())
              .put("content", r.content())
              .put("at", r.at().toString()));
    }
    return json;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
