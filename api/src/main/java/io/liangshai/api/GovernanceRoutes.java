package io.liangshai.api;

import io.liangshai.core.governance.QualityFlags;
import io.liangshai.core.governance.Reporting;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.GovernanceQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Data governance (数据治理, SPEC §10): {@code GET /api/v1/reporting} (who reported a month), {@code
 * GET /api/v1/flags} (data-quality flags with evidence), and sign-offs ({@code POST, GET
 * /api/v1/signoffs}, {@code DELETE /api/v1/signoffs/{id}}). Each reads the scope of a tenant — the
 * caller's own by default, another in its scope with {@code tenant=} — and lists its tenants by
 * code.
 */
record GovernanceRoutes(TenantRegistry registry, GovernanceQueries queries) {

  /** {@code GET /api/v1/reporting?period=M[&tenant=T]}. */
  void reporting(RoutingContext ctx) {
    perTenant(
        ctx,
        queries::reporting,
        (tenant, r) -> {
          long[] before = r == null ? new long[3] : r.before();
          return Stream.of(
              new JsonObject()
                  .put("tenant", tenant)
                  .put("batches", r == null ? 0 : r.batches())
                  .put("cases", r == null ? 0 : r.cases())
                  .put("last_upload_at", r == null ? null : text(r.lastUploadAt()))
                  .put("silent", Reporting.silent(r == null ? 0 : r.allCases(), before)));
        });
  }

  /** {@code GET /api/v1/flags?period=M[&tenant=T]}. */
  void flags(RoutingContext ctx) {
    perTenant(
        ctx,
        queries::tallies,
        (tenant, tally) ->
            tally == null
                ? Stream.empty()
                : QualityFlags.judge(tally).stream()
                    .map(
                        f ->
                            new JsonObject()
                                .put("tenant", tenant)
                                .put("flag", f.flag().wireName())
                                .put("cases", f.cases())
                                .put("evidence", new JsonArray(List.copyOf(f.evidence())))));
  }

  /**
   * The rows of a month of the scope ({@link #scope}, {@link #month}): {@code read} gives each
   * tenant's value by code, and {@code rows} turns a tenant's (null where it has none) into its
   * rows, tenant by tenant in code order.
   */
  private <V> void perTenant(
      RoutingContext ctx,
      BiFunction<String, Period, Map<String, V>> read,
      BiFunction<String, V, Stream<JsonObject>> rows) {
    Tenant scope = scope(ctx, registry);
    Period month = month(ctx);
    ApiResponses.readRows(
        ctx,
        () -> {
          Map<String, V> values = read.apply(scope.code(), month);
          return tenantsOf(registry, scope).stream()
              .flatMap(t -> rows.apply(t.code(), values.get(t.code())))
              .toList();
        });
  }

  /**
   * The tenant whose scope is read: {@code tenant=} if given (in the caller's scope), else the
   * caller's.
   */
  static Tenant scope(RoutingContext ctx, TenantRegistry registry) {
    Principal caller = Authentication.principal(ctx);
    String code = Params.optional(ctx, "tenant");
    Tenant tenant = code == null ? caller.tenant() : Params.tenant(ctx, registry, code);
    Authentication.requireScope(ctx, tenant.code());
    return tenant;
  }

  /** {@code scope} and its descendants, by code. */
  static List<Tenant> tenantsOf(TenantRegistry registry, Tenant scope) {
    return registry.selfAndDescendants(scope.code()).stream()
        .sorted(Comparator.comparing(Tenant::code))
        .toList();
  }

  /** The {@code period} parameter, which must be a month. */
  static Period month(RoutingContext ctx) {
    Period p = Params.period(ctx);
    if (p.kind() != PeriodKind.MONTH) {
      throw ApiException.badRequest("period must be a month (2024-03), got '" + p + "'");
    }
    return p;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
