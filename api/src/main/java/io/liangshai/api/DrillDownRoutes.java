package io.liangshai.api;

import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.BatchesTable;
import io.liangshai.warehouse.figures.CaseFactsQueries;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The drill-down behind the web page: {@code GET /api/v1/cases} (one tenant's cases, with
 * enterprise names and descriptions, which only the owner and its ancestors may read) and {@code
 * GET /api/v1/batches} (recent uploads in the caller's scope).
 */
final class DrillDownRoutes {

  static final int MAX_CASES = 1000;
  static final int MAX_OFFSET = 10_000_000;
  static final int MAX_BATCHES = 200;

  /** Errors shown per batch in the list; {@code GET /batches/{id}} has them all. */
  static final int ERRORS_PER_BATCH = 100;

  private final TenantRegistry registry;
  private final CaseFactsQueries cases;
  private final BatchesTable batches;
  private final Clock clock;

  DrillDownRoutes(
      TenantRegistry registry, CaseFactsQueries cases, BatchesTable batches, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.batches = Objects.requireNonNull(batches, "batches");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * {@code GET
   * /api/v1/cases?tenant=&period=[&status=&category=&overdue=true&case_id=&limit=&offset=]}: the
   * current version of each case of the tenant and its descendants received in the period.
   */
  void cases(RoutingContext ctx) {
    String code = Params.required(ctx, "tenant", "330522");
    Tenant tenant = Params.tenant(ctx, registry, code);
    Authentication.requireScope(ctx, tenant.code());
    Period period = Params.period(ctx);
    String status = wireValue(ctx, "status", CaseStatus.class);
    String category = wireValue(ctx, "category", Category.class);
    boolean overdue = Params.bool(ctx, "overdue");
    int limit = Params.integer(ctx, "limit", 100, 1, MAX_CASES);
    int offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
    var filter =
        new CaseFactsQueries.CaseFilter(
            tenant.code(),
            period,
            status,
            category,
            overdue,
            clock.instant(),
            limit,
            offset,
            Params.optional(ctx, "case_id"));
    ApiResponses.ok(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              var page = cases.cases(filter);
              return new JsonObject()
                  .put("rows", DrillDownJson.cases(page.rows()))
                  .put("total", page.total())
                  .put("limit", limit)
                  .put("offset", offset);
            }));
  }

  /**
   * {@code GET /api/v1/batches[?tenant=&limit=]}: the newest batches sent by the tenant (default:
   * the caller's) and its descendants, with counts and the first errors.
   */
  void batches(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String code = Params.optional(ctx, "tenant");
    Tenant tenant = code == null ? caller.tenant() : Params.tenant(ctx, registry, code);
    Authentication.requireScope(ctx, tenant.code());
    int limit = Params.integer(ctx, "limit", 20, 1, MAX_BATCHES);
    List<String> codes =
        registry.selfAndDescendants(tenant.code()).stream().map(Tenant::code).toList();
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx, () -> DrillDownJson.batches(batches.recent(codes, limit), ERRORS_PER_BATCH)));
  }

  /** The wire name of the enum value parameter {@code name} names, or null when absent. */
  static <E extends Enum<E> & WireNamed> String wireValue(
      RoutingContext ctx, String name, Class<E> type) {
    E value = parseWire(ctx, name, type);
    return value == null ? null : value.wireName();
  }

  /** The enum value parameter {@code name} names by its wire name, or null when absent. */
  static <E extends Enum<E> & WireNamed> E parseWire(
      RoutingContext ctx, String name, Class<E> type) {
    String text = Params.optional(ctx, name);
    if (text == null) {
      return null;
    }
    return WireNamed.parse(type, text)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    name + " must be one of " + WireNamed.allowed(type) + ", got '" + text + "'"));
  }
}
