package io.liangshai.api;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.RiskModel;
import io.liangshai.core.warning.Warning;
import io.liangshai.core.warning.WarningList;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.WarningQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * 预测预警 (SPEC §8): {@code GET /api/v1/warnings} (every open case of a tenant's scope with its
 * deadline state and risk) and {@code GET /api/v1/warnings/model} (what the risk model is).
 */
final class WarningRoutes {

  private final TenantRegistry registry;
  private final WarningQueries queries;
  private final RiskModel model;
  private final WarningList list;
  private final Clock clock;

  WarningRoutes(
      TenantRegistry registry,
      WarningQueries queries,
      RiskModel model,
      DeadlineClock deadlines,
      Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.model = Objects.requireNonNull(model, "model");
    this.list = new WarningList(deadlines, model);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code GET /api/v1/warnings?[tenant=T][&as_of=ISO-8601][&within=3]}. */
  void list(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String code = Params.optional(ctx, "tenant");
    Tenant tenant = code == null ? caller.tenant() : Params.tenant(ctx, registry, code);
    Authentication.requireScope(ctx, tenant.code());
    Instant asOf = asOf(ctx);
    int within =
        Params.integer(ctx, "within", DeadlineClock.DEFAULT_WITHIN, 0, DeadlineClock.MAX_WITHIN);
    ApiResponses.ok(
        ctx,
        Blocking.reads(
            ctx,
            () ->
                new JsonObject()
                    .put("rows", rows(list.at(queries.openCases(tenant.code()), asOf, within)))));
  }

  /** {@code GET /api/v1/warnings/model}. */
  void model(RoutingContext ctx) {
    ModelReport r = model.report();
    ApiResponses.ok(
        ctx,
        new JsonObject()
            .put("auc", r.auc())
            .put("brier", r.brier())
            .put("base_rate", r.baseRate())
            .put("trained_at", text(r.trainedAt()))
            .put("trained_from", text(r.trainedFrom()))
            .put("trained_to", text(r.trainedTo()))
            .put("cases", r.cases())
            .put("prior", r.prior()));
  }

  private Instant asOf(RoutingContext ctx) {
    String text = Params.optional(ctx, "as_of");
    if (text == null) {
      return clock.instant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "as_of must be an ISO-8601 timestamp with offset (2024-03-01T09:00:00+08:00), got '"
              + text
              + "'");
    }
  }

  private static JsonArray rows(List<Warning> warnings) {
    JsonArray rows = new JsonArray();
    for (Warning w : warnings) {
      rows.add(
          new JsonObject()
              .put("case_id", w.openCase().caseId())
              .put("tenant", w.openCase().tenant())
              .put("received_at", w.openCase().receivedAt().toString())
              .put("deadline", w.openCase().deadline().toString())
              .put("working_days_left", w.workingDaysLeft())
              .put("state", w.state().wireName())
              .put("risk", w.risk().probability())
              .put("reasons", new JsonArray(List.copyOf(w.risk().reasons()))));
    }
    return rows;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
