package io.liangshai.api;

import io.liangshai.tenants.Authenticator;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.IssuedKey;
import io.liangshai.tenants.keys.KeyStore;
import io.liangshai.tenants.keys.KeyUsage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys: the province issues them ({@code POST /tenants/{code}/keys}); the province — and a city
 * for its own counties — lists, revokes and rotates them. Every act is audited; a revoked key is
 * refused at once on this instance (and within {@link Authenticator#CACHE_TTL} on others).
 */
record KeyRoutes(
    TenantRegistry registry,
    KeyStore keys,
    KeyUsage usage,
    Authenticator authenticator,
    Audit audit) {

  private static final int CONFLICT = 409;

  /** {@code POST /api/v1/tenants/{code}/keys}: the province issues a key for a tenant. */
  void issue(RoutingContext ctx) {
    Principal caller = Authentication.requireProvince(ctx, "issue keys");
    Tenant tenant = Params.tenant(ctx, registry, ctx.pathParam("code"));
    JsonObject body = optionalJsonBody(ctx);
    String name = keyName(body, "key for " + tenant.name());
    ApiResponses.created(
        ctx,
        Blocking.admin(
            ctx,
            () -> {
              IssuedKey issued = keys.issue(tenant.code(), name, caller.keyId());
              authenticator.issued(issued.secret());
              audit.record(
                  caller,
                  "key.issue",
                  issued.key().keyId(),
                  new JsonObject().put("tenant", tenant.code()).put("name", name));
              return toJson(issued, Optional.empty());
            }));
  }

  /** {@code GET /api/v1/tenants/{code}/keys}: a tenant's keys, with last use (no secrets). */
  void list(RoutingContext ctx) {
    Tenant tenant = Params.tenant(ctx, registry, ctx.pathParam("code"));
    requireKeyAdmin(ctx, tenant.code(), "list");
    ApiResponses.readRows(
        ctx,
        () -> {
          List<ApiKey> list = keys.list(tenant.code());
          Map<String, Instant> lastUsed = usage.lastUsed(list.stream().map(ApiKey::keyId).toList());
          return list.stream()
              .map(k -> toJson(k, Optional.ofNullable(lastUsed.get(k.keyId()))))
              .toList();
        });
  }

  /** {@code POST /api/v1/keys/{key_id}/revoke}: the key is refused from now on. */
  void revoke(RoutingContext ctx) {
    ApiResponses.ok(ctx, onPathKey(ctx, "revoke", this::revokeKey));
  }

  /** {@code POST /api/v1/keys/{key_id}/rotate}: a new secret for the same tenant and name. */
  void rotate(RoutingContext ctx) {
    ApiResponses.created(ctx, onPathKey(ctx, "rotate", this::rotateKey));
  }

  private JsonObject revokeKey(Principal caller, ApiKey key) throws Exception {
    String keyId = key.keyId();
    if (!keys.revoke(keyId)) {
      throw new ApiException(CONFLICT, "key " + keyId + " is already revoked");
    }
    authenticator.forget(keyId);
    audit.record(caller, "key.revoke", keyId, new JsonObject().put("tenant", key.tenantCode()));
    return toJson(keys.find(keyId).orElseThrow(), Optional.empty());
  }

  private JsonObject rotateKey(Principal caller, ApiKey key) throws Exception {
    String keyId = key.keyId();
    IssuedKey issued =
        keys.rotate(keyId, caller.keyId())
            .orElseThrow(
                () -> new ApiException(CONFLICT, "key " + keyId + " is revoked; issue a new key"));
    authenticator.forget(keyId);
    authenticator.issued(issued.secret());
    audit.record(
        caller,
        "key.rotate",
        keyId,
        new JsonObject().put("tenant", key.tenantCode()).put("new_key_id", issued.key().keyId()));
    return toJson(issued, Optional.empty()).put("replaces", keyId);
  }

  /** What a key administrator does to one key. */
  @FunctionalInterface
  private interface KeyAct {
    JsonObject on(Principal caller, ApiKey key) throws Exception;
  }

  /**
   * Runs {@code act} as blocking admin work on the key of the path's {@code key_id}, once the
   * caller may {@code verb} it.
   */
  private Future<JsonObject> onPathKey(RoutingContext ctx, String verb, KeyAct act) {
    Principal caller = requireAnyKeyAdmin(ctx, verb);
    String keyId = keyIdParam(ctx);
    return Blocking.admin(ctx, () -> act.on(caller, administrable(caller, keyId, verb)));
  }

  private ApiKey administrable(Principal caller, String keyId, String verb) throws Exception {
    ApiKey key = keys.find(keyId).orElseThrow(() -> ApiException.notFound("no key " + keyId));
    if (!caller.canAdministerKeysOf(key.tenantCode())) {
      throw ApiException.forbidden(
          "key "
              + keyId
              + " belongs to tenant "
              + key.tenantCode()
              + "; only the province, or a city for its own counties, may "
              + verb
              + " it");
    }
    return key;
  }

  private static Principal requireAnyKeyAdmin(RoutingContext ctx, String verb) {
    Principal p = Authentication.principal(ctx);
    if (!p.administersKeys()) {
      throw ApiException.forbidden(
          "only the province, or a city for its own counties, may " + verb + " keys");
    }
    return p;
  }

  private static void requireKeyAdmin(RoutingContext ctx, String code, String verb) {
    Principal p = requireAnyKeyAdmin(ctx, verb);
    if (!p.canAdministerKeysOf(code)) {
      throw ApiException.forbidden(
          "tenant "
              + code
              + " is not one of your counties; only the province, or a city for its own counties,"
              + " may "
              + verb
              + " keys");
    }
  }

  private static String keyIdParam(RoutingContext ctx) {
    String keyId = ctx.pathParam("key_id");
    if (keyId == null || !keyId.matches("k_[0-9a-f]{16}")) {
      throw ApiException.badRequest(
          "key_id must look like k_0123456789abcdef, got '" + keyId + "'");
    }
    return keyId;
  }

  private static String keyName(JsonObject body, String dflt) {
    Object raw = body.getValue("name", dflt);
    if (!(raw instanceof String name) || name.isBlank() || name.length() > 100) {
      throw ApiException.badRequest("name must be a string of 1–100 characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("name must not contain control characters");
    }
    return name;
  }

  private static JsonObject optionalJsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException e) {
      throw ApiException.badRequest("body must be a JSON object such as {\"name\": \"12345 对接\"}");
    }
  }

  private static JsonObject toJson(ApiKey k, Optional<Instant> lastUsed) {
    return new JsonObject()
        .put("key_id", k.keyId())
        .put("tenant", k.tenantCode())
        .put("name", k.name())
        .put("created_at", k.createdAt().toString())
        .put("created_by", k.createdBy())
        .put("last_used_at", lastUsed.map(Object::toString).orElse(null))
        .put("revoked_at", k.revokedAt().map(Object::toString).orElse(null));
  }

  private static JsonObject toJson(IssuedKey issued, Optional<Instant> lastUsed) {
    return toJson(issued.key(), lastUsed).put("key", issued.secret());
  }
}
