package io.liangshai.api;

import io.liangshai.core.governance.MonthTally;
import io.liangshai.core.governance.QualityFlags;
import io.liangshai.core.governance.Reporting;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.GovernanceQueries;
import io.liangshai.warehouse.figures.GovernanceQueries.Reported;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data governance (数据治理, SPEC §10): {@code GET /api/v1/reporting} (who reported a month), {@code
 * GET /api/v1/flags} (data-quality flags with evidence), and sign-offs ({@code POST, GET
 * /api/v1/signoffs}, {@code DELETE /api/v1/signoffs/{id}}). Each reads the scope of a tenant — the
 * caller's own by default, another in its scope with {@code tenant=} — and lists its tenants by
 * code.
 */
final class GovernanceRoutes {

  private final TenantRegistry registry;
  private final GovernanceQueries queries;

  GovernanceRoutes(TenantRegistry registry, GovernanceQueries queries) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  /** {@code GET /api/v1/reporting?period=M[&tenant=T]}. */
  void reporting(RoutingContext ctx) {
    Tenant scope = scope(ctx, registry);
    Period month = month(ctx);
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              Map<String, Reported> reported = queries.reporting(scope.code(), month);
              JsonArray rows = new JsonArray();
              for (Tenant t : tenantsOf(registry, scope)) {
                Reported r = reported.getOrDefault(t.code(), null);
                long[] before = r == null ? new long[3] : r.before();
                rows.add(
                    new JsonObject()
                        .put("tenant", t.code())
                        .put("batches", r == null ? 0 : r.batches())
                        .put("cases", r == null ? 0 : r.cases())
                        .put("last_upload_at", r == null ? null : text(r.lastUploadAt()))
                        .put("silent", Reporting.silent(r == null ? 0 : r.allCases(), before)));
              }
              return rows;
            }));
  }

  /** {@code GET /api/v1/flags?period=M[&tenant=T]}. */
  void flags(RoutingContext ctx) {
    Tenant scope = scope(ctx, registry);
    Period month = month(ctx);
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              Map<String, MonthTally> tallies = queries.tallies(scope.code(), month);
              JsonArray rows = new JsonArray();
              for (Tenant t : tenantsOf(registry, scope)) {
                MonthTally tally = tallies.get(t.code());
                if (tally == null) {
                  continue;
                }
                for (QualityFlags.Raised f : QualityFlags.judge(tally)) {
                  rows.add(
                      new JsonObject()
                          .put("tenant", t.code())
                          .put("flag", f.flag().wireName())
                          .put("cases", f.cases())
                          .put("evidence", new JsonArray(List.copyOf(f.evidence()))));
                }
              }
              return rows;
            }));
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
