package io.liangshai.api;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.BreakdownQueries;
import io.liangshai.warehouse.figures.BreakdownQueries.By;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /api/v1/metrics?period=P&tenant=T&by=category|channel}: the 1+8+N 板块 view (SPEC §7),
 * one row per category (channel) with a case, named in {@code category} ({@code channel}), holding
 * T's SPEC §3 indicators restricted to it. Scoped as {@code /metrics} for one tenant; {@link
 * MetricsRoutes} hands it every request that gives {@code by}.
 */
record MetricsBreakdownRoutes(TenantRegistry registry, BreakdownQueries queries, Clock clock) {

  /** Whether the request asks for the breakdown: it gives {@code by}, blank or not. */
  static boolean asked(RoutingContext ctx) {
    return !ctx.queryParam("by").isEmpty();
  }

  void metrics(RoutingContext ctx) {
    By by = by(Params.required(ctx, "by", "category"));
    if (Params.optional(ctx, "level") != null) {
      throw ApiException.badRequest(
          "parameter by breaks down one tenant's figures: give tenant=CODE with it, not level=");
    }
    String code = Params.optional(ctx, "tenant");
    if (code == null) {
      throw ApiException.badRequest(
          "parameter by needs tenant=CODE, e.g. tenant=330522&by=" + by.wireName());
    }
    Period period = Params.period(ctx);
    Tenant tenant = Params.tenant(ctx, registry, code);
    Authentication.requireScope(ctx, tenant.code());
    ApiResponses.rows(
        ctx, Blocking.reads(ctx, () -> rows(by, tenant.code(), period, clock.instant())));
  }

  private JsonArray rows(By by, String tenant, Period period, Instant now) {
    JsonArray rows = new JsonArray();
    queries
        .indicators(by, tenant, period, now)
        .forEach((value, indicators) -> rows.add(row(by, value, tenant, period, indicators)));
    return rows;
  }

  /** A row: the category (channel) first, then what a {@code /metrics} row holds. */
  private static JsonObject row(
      By by, String value, String tenant, Period period, Indicators indicators) {
    JsonObject row =
        new JsonObject()
            .put(by.wireName(), value)
            .put("tenant", tenant)
            .put("period", period.toString());
    indicators.toMap().forEach(row::put);
    return row;
  }

  private static By by(String text) {
    return WireNamed.parse(By.class, text)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "parameter by must be one of "
                        + WireNamed.allowed(By.class)
                        + ", got '"
                        + text
                        + "'"));
  }
}
