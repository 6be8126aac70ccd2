package io.liangshai.api;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.DeadlineState;
import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.RiskModel;
import io.liangshai.core.warning.Warning;
import io.liangshai.core.warning.WarningList;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.WarningQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 预测预警 (SPEC §8): {@code GET /api/v1/warnings} (every open case of a tenant's scope with its
 * deadline state and risk; filtered and paged on request), {@code GET /api/v1/warnings/summary}
 * (per tenant of a scope, for the province and the cities) and {@code GET /api/v1/warnings/model}
 * (what the risk model is). Lists are written as the connection drains ({@link StreamedJson}).
 */
final class WarningRoutes {

  /** The most rows one page of the list holds; without {@code limit} a page holds all the rest. */
  static final int MAX_LIMIT = 100_000;

  private final TenantRegistry registry;
  private final WarningQueries queries;
  private final RiskModel model;
  private final WarningList list;
  private final Clock clock;
  private final DeadlineClock deadlines;
  private final WarningSummary summary;

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
    this.deadlines = deadlines;
    this.summary = new WarningSummary(queries, deadlines, list);
  }

  /**
   * {@code GET /api/v1/warnings?[tenant=T][&as_of=ISO-8601][&within=3]} and the additions to §8
   * {@code [&state=][&category=][&channel=][&limit=][&offset=]}: with any of them, the answer also
   * holds {@code total} (the rows that pass the filters), {@code limit} and {@code offset}.
   */
  void list(RoutingContext ctx) {
    Tenant tenant = GovernanceRoutes.scope(ctx, registry);
    Instant asOf = asOf(ctx);
    int within = within(ctx);
    WarningQueries.Filter filter =
        new WarningQueries.Filter(
            DrillDownRoutes.parseWire(ctx, "state", DeadlineState.class),
            DrillDownRoutes.wireValue(ctx, "category", Category.class),
            DrillDownRoutes.wireValue(ctx, "channel", Channel.class));
    Integer limit =
        Params.optional(ctx, "limit") == null
            ? null
            : Params.integer(ctx, "limit", 0, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, DrillDownRoutes.MAX_OFFSET);
    boolean additions =
        limit != null
            || Params.optional(ctx, "offset") != null
            || !filter.equals(WarningQueries.Filter.NONE);
    LocalDate dueSoonBefore = deadlines.dueSoonBefore(asOf, within);
    StreamedJson.write(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              List<Warning> all =
                  list.at(
                      queries.openCases(tenant.code(), filter, asOf, dueSoonBefore), asOf, within);
              int from = Math.min(offset, all.size());
              int to = limit == null ? all.size() : Math.min(from + limit, all.size());
              List<Warning> page = all.subList(from, to);
              JsonObject head = new JsonObject();
              if (additions) {
                head.put("total", all.size()).put("limit", limit).put("offset", offset);
              }
              return StreamedJson.encode(head, rows(page));
            }));
  }

  /**
   * {@code GET /api/v1/warnings/summary?[tenant=T][&as_of=][&within=3]}: per tenant of T's scope,
   * its own open cases per state, at high risk, their mean risk and overdue share ({@link
   * WarningSummary}).
   */
  void summary(RoutingContext ctx) {
    Tenant tenant = GovernanceRoutes.scope(ctx, registry);
    Instant asOf = asOf(ctx);
    int within = within(ctx);
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx, () -> summary.of(GovernanceRoutes.tenantsOf(registry, tenant), asOf, within)));
  }

  private static int within(RoutingContext ctx) {
    return Params.integer(ctx, "within", DeadlineClock.DEFAULT_WITHIN, 0, DeadlineClock.MAX_WITHIN);
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

  private static List<JsonObject> rows(List<Warning> warnings) {
    List<JsonObject> rows = new ArrayList<>(warnings.size());
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
