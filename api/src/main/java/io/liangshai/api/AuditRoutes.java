package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.AuditEntry;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.AuditQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/audit?actor=&action=&from=&to=&limit=}: the province reads every row; any
 * other tenant reads the upload rows ({@code batch.*}) of itself and its descendants.
 */
record AuditRoutes(TenantRegistry registry, AuditLog log) {

  static final int MAX_ROWS = 1000;

  void audit(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    String actorTenant = null;
    String keyId = null;
    String actor = Params.optional(ctx, "actor");
    if (actor != null) {
      if (actor.matches("\\d{6}")) {
        Tenant t = Params.tenant(ctx, registry, actor);
        Authentication.requireScope(ctx, t.code());
        actorTenant = actor;
      } else if (actor.matches("k_[0-9a-f]{16}|admin")) {
        keyId = actor;
      } else {
        throw ApiException.badRequest(
            "actor must be a tenant code (330522) or a key id (k_0123456789abcdef or admin), got '"
                + actor
                + "'");
      }
    }
    String action = Params.optional(ctx, "action");
    if (action != null && !action.matches("[a-z][a-z_]{0,19}(\\.[a-z_]{1,20})?")) {
      throw ApiException.badRequest(
          "action must be an action such as batch.upload or key.revoke, or a kind such as key,"
              + " got '"
              + action
              + "'");
    }
    Instant from = instant(ctx, "from", false);
    Instant to = instant(ctx, "to", true);
    Set<String> uploadsOf =
        caller.isProvince()
            ? null
            : registry.selfAndDescendants(caller.tenantCode()).stream()
                .map(Tenant::code)
                .collect(Collectors.toSet());
    int limit = Params.integer(ctx, "limit", 100, 1, MAX_ROWS);
    AuditQuery query = new AuditQuery(actorTenant, keyId, action, from, to, uploadsOf, limit);
    ApiResponses.rows(ctx, Blocking.reads(ctx, () -> json(log.find(query))));
  }

  private static JsonArray json(List<AuditEntry> entries) {
    JsonArray rows = new JsonArray();
    for (AuditEntry e : entries) {
      rows.add(
          new JsonObject()
              .put("at", e.at().toString())
              .put("tenant", e.actorTenant())
              .put("key_id", e.keyId())
              .put("action", e.action())
              .put("object", e.object())
              .put("detail", detail(e.detail())));
    }
    return rows;
  }

  private static JsonObject detail(String text) {
    try {
      return new JsonObject(text);
    } catch (RuntimeException notJson) {
      return new JsonObject().put("text", text);
    }
  }

  /** A timestamp with offset, or a date (its start in Asia/Shanghai; the next day's for "to"). */
  private static Instant instant(RoutingContext ctx, String name, boolean endOfDay) {
    String text = Params.optional(ctx, name);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException notTimestamp) {
      try {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day)
            .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
            .toInstant();
      } catch (java.time.DateTimeException notDate) {
        throw ApiException.badRequest(
            name
                + " must be a date (2024-03-01, Asia/Shanghai) or a timestamp with offset"
                + " (2024-03-01T09:00:00+08:00), got '"
                + text
                + "'");
      }
    }
  }
}
