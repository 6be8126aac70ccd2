package io.liangshai.api;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/metrics}: SPEC §3 indicators for one tenant or a level, within scope, with the
 * §7 {@code indicators} and {@code targets} ({@link IndicatorColumns}); with {@code by=} the one
 * tenant's 1+8+N view ({@link MetricsBreakdownRoutes}).
 */
record MetricsRoutes(
    TenantRegistry registry,
    MetricsQueries queries,
    IndicatorColumns columns,
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
      ApiResponses.read(ctx, () -> rows(period, List.of(t.code())).get(t.code()));
      return;
    }
    TenantLevel lvl = Params.level(level);
    List<String> codes =
        registry.atLevel(lvl).stream().map(Tenant::code).filter(caller::canAccess).toList();
    ApiResponses.readRows(ctx, () -> rows(period, codes).values());
  }

  /** Tenant code → its row, in the order of {@code codes}; on a blocking thread (JDBC). */
  private Map<String, JsonObject> rows(Period period, List<String> codes) throws Exception {
    Map<String, Indicators> figures = queries.indicators(period, codes, clock.instant());
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    figures.forEach((code, indicators) -> rows.put(code, toJson(code, period, indicators)));
    columns.fill(period, figures, rows);
    return rows;
  }

  static JsonObject toJson(String tenant, Period period, Indicators indicators) {
    JsonObject json = new JsonObject().put("tenant", tenant).put("period", period.toString());
    indicators.toMap().forEach(json::put);
    return json;
  }
}
