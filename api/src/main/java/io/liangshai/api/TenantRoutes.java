package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** The registry and the caller's own tenant: {@code /api/v1/tenants}, {@code /api/v1/me}. */
final class TenantRoutes {

  private final TenantRegistry registry;

  TenantRoutes(TenantRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** {@code GET /api/v1/tenants}: the whole registry (it is public within the platform). */
  void list(RoutingContext ctx) {
    JsonArray rows = new JsonArray();
    for (Tenant t : registry.all()) {
      rows.add(toJson(t));
    }
    ApiResponses.rows(ctx, rows);
  }

  /**
   * {@code GET /api/v1/me}: the caller's own tenant and key id, so that a page signed in with a key
   * knows whose data it may show (the scope itself is always checked by each route).
   */
  void me(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    ApiResponses.json(
        ctx,
        200,
        toJson(caller.tenant()).put("key_id", caller.keyId()).put("province", caller.isProvince()));
  }

  /** A tenant as the API shows it, with its ancestors' codes (parent first) from the registry. */
  private JsonObject toJson(Tenant t) {
    return new JsonObject()
        .put("tenant", t.code())
        .put("code", t.code())
        .put("name", t.name())
        .put("level", t.level().wireName())
        .put("parent", t.parentCode().orElse(null))
        .put("ancestors", new JsonArray(registry.hierarchy().ancestors(t.code())))
        .put("groups", new JsonArray(t.groups()));
  }
}
