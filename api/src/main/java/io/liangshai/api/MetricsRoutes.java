package io.liangshai.api;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/metrics}: SPEC §3 indicators for one tenant or a level, within scope; with
 * {@code by=} the one tenant's 1+8+N view ({@link MetricsBreakdownRoutes}).
 */
record MetricsRoutes(
    TenantRegistry registry,
    MetricsQueries queries,
    Clock clock,
    MetricsBreakdownRoutes breakdown) {

  void metrics(RoutingContext ctx) {
    if (MetricsBreakdownRoutes.asked(ctx)) {
      breakdown.metrics(ctx);
      return;
    }
    Principal caller = Authentication.principal(ctx);
    Period period = Params.period(ctx);
    String tenant = Params.optional(ctx, "tenant");
    String level = Params.optional(ctx, "level");
    if ((tenant == null) == (level == null)) {
      throw ApiException.badRequest("give exactly one of tenant=CODE or level=county|city");
    }
    if (tenant != null) {
      Tenant t = Params.tenant(ctx, registry, tenant);
      Authentication.requireScope(ctx, t.code());
      ApiResponses.ok(
          ctx,
          Blocking.reads(
              ctx,
              () -> {
                var m = queries.indicators(period, List.of(t.code()), clock.instant());
                return toJson(t.code(), period, m.get(t.code()));
              }));
      return;
    }
    TenantLevel lvl = Params.level(level);
    List<String> codes =
        registry.atLevel(lvl).stream().map(Tenant::code).filter(caller::canAccess).toList();
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              JsonArray rows = new JsonArray();
              for (Map.Entry<String, Indicators> e :
                  queries.indicators(period, codes, clock.instant()).entrySet()) {
                rows.add(toJson(e.getKey(), period, e.getValue()));
              }
              return rows;
            }));
  }

  static JsonObject toJson(String tenant, Period period, Indicators indicators) {
    JsonObject json = new JsonObject().put("tenant", tenant).put("period", period.toString());
    indicators.toMap().forEach(json::put);
    return json;
  }
}
