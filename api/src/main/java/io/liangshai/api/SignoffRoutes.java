package io.liangshai.api;

import io.liangshai.core.governance.SignoffRules;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.metadata.PostgresSignoffs;
import io.liangshai.metadata.PostgresSignoffs.Signoff;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.GovernanceQueries;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sign-offs of tenants' months (数据审核确认, SPEC §10): {@code POST /api/v1/signoffs} (the tenant itself
 * or an ancestor approves its month), {@code GET /api/v1/signoffs} (every tenant of a scope, signed
 * or not, revised or not) and {@code DELETE /api/v1/signoffs/{id}} (withdrawn by the tenant that
 * made it). Writes are audited.
 */
final class SignoffRoutes {

  private static final int CONFLICT = 409;

  private final TenantRegistry registry;
  private final GovernanceQueries queries;
  private final MetricsQueries metrics;
  private final PostgresSignoffs signoffs;
  private final SignoffRules rules;
  private final Audit audit;
  private final Clock clock;
  private final Consumer<Period> signedOff;

  /**
   * @param signedOff told each month a tenant signs off, after it is stored (the bulletin scheduler
   *     re-checks a bulletin held for sign-offs)
   */
  SignoffRoutes(
      TenantRegistry registry,
      GovernanceQueries queries,
      MetricsQueries metrics,
      PostgresSignoffs signoffs,
      SignoffRules rules,
      Audit audit,
      Clock clock,
      Consumer<Period> signedOff) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.signoffs = Objects.requireNonNull(signoffs, "signoffs");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signedOff = Objects.requireNonNull(signedOff, "signedOff");
  }

  /** {@code POST /api/v1/signoffs} {@code {"tenant", "period"}} → 201 with the sign-off. */
  void sign(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    String code = text(body, "tenant");
    if (!code.matches("\\d{6}")) {
      throw JsonBodies.invalid("tenant", "must be a 6-digit tenant code, got '" + code + "'");
    }
    Tenant tenant =
        registry
            .find(code)
            .orElseThrow(() -> JsonBodies.invalid("tenant", "is not a known tenant: " + code));
    Period month = bodyMonth(text(body, "period"));
    Principal caller = Authentication.requireScope(ctx, tenant.code());
    ApiResponses.created(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              IndicatorCounts now = counts(tenant.code(), month);
              Signoff s =
                  signoffs.sign(
                      tenant.code(), month.toString(), caller.tenantCode(), caller.keyId(), now);
              audit.record(
                  caller,
                  "signoff.create",
                  tenant.code() + "@" + month,
                  new JsonObject().put("id", s.id()).put("received", now.received()));
              signedOff.accept(month);
              return row(tenant, month, s, now);
            }));
  }

  /** {@code GET /api/v1/signoffs?period=M[&tenant=T]}: every tenant of the scope, signed or not. */
  void list(RoutingContext ctx) {
    Tenant scope = GovernanceRoutes.scope(ctx, registry);
    Period month = GovernanceRoutes.month(ctx);
    ApiResponses.rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              Map<String, Signoff> signed =
                  signoffs.current(month.toString()).stream()
                      .collect(Collectors.toMap(Signoff::tenant, Function.identity()));
              List<Tenant> tenants = GovernanceRoutes.tenantsOf(registry, scope);
              Map<String, Indicators> counts =
                  metrics.indicators(
                      month, tenants.stream().map(Tenant::code).toList(), clock.instant(), false);
              JsonArray rows = new JsonArray();
              for (Tenant t : tenants) {
                Indicators i = counts.get(t.code());
                rows.add(
                    row(
                        t,
                        month,
                        signed.get(t.code()),
                        i == null ? IndicatorCounts.ZERO : i.counts()));
              }
              return rows;
            }));
  }

  /** {@code DELETE /api/v1/signoffs/{id}}: by the tenant that signed it off → the withdrawn row. */
  void withdraw(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String text = ctx.pathParam("id");
    if (!text.matches("[1-9]\\d{0,17}")) {
      throw ApiException.badRequest("a sign-off id is a positive number, got '" + text + "'");
    }
    long id = Long.parseLong(text);
    ApiResponses.ok(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              Signoff s =
                  signoffs
                      .find(id)
                      .filter(found -> caller.canAccess(found.tenant()))
                      .orElseThrow(() -> ApiException.notFound("no sign-off " + id));
              if (!s.signedByTenant().equals(caller.tenantCode())) {
                throw ApiException.forbidden(
                    "sign-off "
                        + id
                        + " was made by tenant "
                        + s.signedByTenant()
                        + "; only it may withdraw it");
              }
              if (!signoffs.withdraw(id, caller.keyId())) {
                throw new ApiException(CONFLICT, "sign-off " + id + " is already withdrawn");
              }
              audit.record(
                  caller,
                  "signoff.withdraw",
                  s.tenant() + "@" + s.period(),
                  new JsonObject().put("id", id));
              return new JsonObject()
                  .put("id", id)
                  .put("tenant", s.tenant())
                  .put("period", s.period())
                  .put("withdrawn", true);
            }));
  }

  /**
   * One tenant's sign-off row: whether it is signed off, by whom, on time, and — when its §3 counts
   * now differ from the signed ones — {@code revised} with the {@code changes}, each naming the
   * batch processed last after the sign-off that carried a case of the tenant's month.
   */
  private JsonObject row(Tenant tenant, Period month, Signoff s, IndicatorCounts now) {
    JsonObject row =
        new JsonObject()
            .put("tenant", tenant.code())
            .put("period", month.toString())
            .put("due", rules.due(month).toString())
            .put("signed_off", s != null);
    if (s == null) {
      return row.put("id", null)
          .put("signed_at", null)
          .put("signed_by", null)
          .put("on_time", null)
          .put("revised", false)
          .put("changes", new JsonArray());
    }
    List<SignoffRules.Change> changes = SignoffRules.changes(s.counts(), now);
    String batch =
        changes.isEmpty()
            ? null
            : queries.lastBatchTouching(tenant.code(), month, s.signedAt()).orElse(null);
    JsonArray changed = new JsonArray();
    for (SignoffRules.Change c : changes) {
      changed.add(
          new JsonObject()
              .put("count", c.count().wireName())
              .put("before", c.before())
              .put("after", c.after())
              .put("batch", batch));
    }
    return row.put("id", s.id())
        .put("signed_at", s.signedAt().toString())
        .put("signed_by", s.signedByTenant())
        .put("on_time", rules.onTime(month, s.firstSignedAt()))
        .put("revised", !changes.isEmpty())
        .put("changes", changed);
  }

  private IndicatorCounts counts(String tenant, Period month) throws Exception {
    return Optional.ofNullable(
            metrics.indicators(month, List.of(tenant), clock.instant(), false).get(tenant))
        .map(Indicators::counts)
        .orElse(IndicatorCounts.ZERO);
  }

  private Period bodyMonth(String text) {
    Period p;
    try {
      p = Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw JsonBodies.invalid("period", "must be a month (2024-03), got '" + text + "'");
    }
    if (p.kind() != PeriodKind.MONTH) {
      throw JsonBodies.invalid("period", "must be a month (2024-03), got '" + text + "'");
    }
    if (p.end().isAfter(clock.instant())) {
      throw JsonBodies.invalid("period", "month " + p + " has not ended; sign it off after it");
    }
    return p;
  }

  private static String text(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s)) {
      throw JsonBodies.invalid(field, v == null ? "is required" : "must be a string");
    }
    return s;
  }
}
