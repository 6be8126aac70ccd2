package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.ApiKeyStore;
import io.liangshai.tenants.keys.IssuedKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/** The registry and the keys: {@code /api/v1/tenants…}. */
final class TenantRoutes {

  private final TenantRegistry registry;
  private final ApiKeyStore keys;

  TenantRoutes(TenantRegistry registry, ApiKeyStore keys) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.keys = Objects.requireNonNull(keys, "keys");
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
        toJson(caller.tenant())
            .put("key_id", caller.keyId())
            .put("province", caller.isProvince()));
  }

  /** {@code POST /api/v1/tenants/{code}/keys}: the province issues a key for a tenant. */
  void issueKey(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "issue keys");
    String code = ctx.pathParam("code");
    Tenant tenant =
        registry.find(code).orElseThrow(() -> ApiException.notFound("unknown tenant " + code));
    JsonObject body = optionalJsonBody(ctx);
    String name = body.getString("name", "key for " + tenant.name());
    if (name.isBlank() || name.length() > 100) {
      throw ApiException.badRequest("name must be 1–100 characters");
    }
    ctx.vertx()
        .executeBlocking(() -> keys.issue(tenant.code(), name, caller.keyId()))
        .onSuccess(issued -> ApiResponses.json(ctx, 201, toJson(issued)))
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/tenants/{code}/keys}: the province lists a tenant's keys (no secrets). */
  void listKeys(RoutingContext ctx) {
    Authentication.requireProvince(ctx, "list keys");
    String code = ctx.pathParam("code");
    registry.find(code).orElseThrow(() -> ApiException.notFound("unknown tenant " + code));
    ctx.vertx()
        .executeBlocking(() -> keys.list(code))
        .onSuccess(
            list -> {
              JsonArray rows = new JsonArray();
              list.forEach(k -> rows.add(toJson(k)));
              ApiResponses.rows(ctx, rows);
            })
        .onFailure(ctx::fail);
  }

  private static JsonObject optionalJsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("body must be a JSON object: " + e.getMessage());
    }
  }

  static JsonObject toJson(Tenant t) {
    return new JsonObject()
        .put("tenant", t.code())
        .put("code", t.code())
        .put("name", t.name())
        .put("level", t.level().wireName())
        .put("parent", t.parentCode().orElse(null))
        .put("groups", new JsonArray(t.groups()));
  }

  private static JsonObject toJson(ApiKey k) {
    return new JsonObject()
        .put("key_id", k.keyId())
        .put("tenant", k.tenantCode())
        .put("name", k.name())
        .put("created_at", k.createdAt().toString())
        .put("created_by", k.createdBy())
        .put("revoked_at", k.revokedAt().map(Object::toString).orElse(null));
  }

  private static JsonObject toJson(IssuedKey issued) {
    return toJson(issued.key()).put("key", issued.secret());
  }
}
