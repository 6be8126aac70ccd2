package io.liangshai.api;

import io.liangshai.core.time.Period;
import io.liangshai.problems.ProblemCase;
import io.liangshai.problems.ProblemGroup;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.figures.CommonProblems;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * 举一反三 (SPEC §9): {@code GET /api/v1/common-problems} (the groups of cases of a tenant's scope
 * whose descriptions state the same problem) and {@code GET /api/v1/common-problems/{id}/cases}
 * (one group's cases). Both are computed over the scope of T only, so a city's groups never hold
 * another city's cases and no description leaves §5's scope; the answers name cases by tenant and
 * id, never by enterprise or description.
 */
record CommonProblemRoutes(TenantRegistry registry, CommonProblems problems) {

  /** {@code GET /api/v1/common-problems?period=P[&tenant=T]}. */
  void list(RoutingContext ctx) {
    Tenant tenant = GovernanceRoutes.scope(ctx, registry);
    Period period = Params.period(ctx);
    ApiResponses.read(
        ctx,
        () -> {
          CommonProblems.Problems p = problems.of(period, tenant.code());
          JsonArray rows = new JsonArray();
          for (ProblemGroup g : p.groups()) {
            rows.add(
                new JsonObject()
                    .put("id", g.id())
                    .put("label", g.label())
                    .put("keywords", new JsonArray(List.copyOf(g.keywords())))
                    .put("cases", g.cases().size())
                    .put("tenants", new JsonArray(List.copyOf(g.tenants())))
                    .put("categories", new JsonArray(List.copyOf(g.categories())))
                    .put("previous", p.previous().getOrDefault(g.id(), 0)));
          }
          return new JsonObject().put("rows", rows);
        });
  }

  /** {@code GET /api/v1/common-problems/{id}/cases?period=P[&tenant=T]}. */
  void cases(RoutingContext ctx) {
    Tenant tenant = GovernanceRoutes.scope(ctx, registry);
    Period period = Params.period(ctx);
    String id = ctx.pathParam("id");
    ApiResponses.read(
        ctx,
        () -> {
          ProblemGroup g =
              problems
                  .of(period, tenant.code())
                  .group(id)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "no common problem "
                                  + id
                                  + " in "
                                  + period
                                  + " for tenant "
                                  + tenant.code()
                                  + " (ids change when the group's cases do)"));
          JsonArray rows = new JsonArray();
          for (ProblemCase c : g.cases()) {
            rows.add(new JsonObject().put("case_id", c.caseId()).put("tenant", c.tenant()));
          }
          return new JsonObject().put("rows", rows);
        });
  }
}
