package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/audit?actor=&action=&from=&to=&limit=}: the province reads every row; any
 * other tenant reads the upload rows ({@code batch.*}) of itself and its descendants.
 */
final class AuditRoutes {

  static final int MAX_ROWS = 1000;

  /** Bounds of the times the audit log can hold; filters beyond them are clamped to them. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private final TenantRegistry registry;
  private final Warehouse warehouse;

  AuditRoutes(TenantRegistry registry, Warehouse warehouse) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  void audit(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    String actor = Params.optional(ctx, "actor");
    if (actor != null) {
      if (actor.matches("\\d{6}")) {
        Tenant t = Params.tenant(ctx, registry, actor);
        Authentication.requireScope(ctx, t.code());
        where.append(" AND actor_tenant = ?");
      } else if (actor.matches("k_[0-9a-f]{16}|admin")) {
        where.append(" AND key_id = ?");
      } else {
        throw ApiException.badRequest(
            "actor must be a tenant code (330522) or a key id (k_0123456789abcdef or admin), got '"
                + actor
                + "'");
      }
      params.add(actor);
    }
    String action = Params.optional(ctx, "action");
    if (action != null) {
      if (!action.matches("[a-z]{1,20}(\\.[a-z_]{1,20})?")) {
        throw ApiException.badRequest(
            "action must be an action such as batch.upload or key.revoke, or a kind such as key,"
                + " got '"
                + action
                + "'");
      }
      where.append(action.contains(".") ? " AND action = ?" : " AND startsWith(action, ?)");
      params.add(action.contains(".") ? action : action + ".");
    }
    Instant from = instant(ctx, "from", false);
    Instant to = instant(ctx, "to", true);
    if (from != null) {
      where.append(" AND at >= ?");
      params.add(Timestamp.from(clamp(from)));
    }
    if (to != null) {
      where.append(" AND at < ?");
      params.add(Timestamp.from(clamp(to)));
    }
    if (!caller.isProvince()) {
      where.append(" AND startsWith(action, 'batch.') AND has(?, actor_tenant)");
      params.add(
          registry.selfAndDescendants(caller.tenantCode()).stream()
              .map(Tenant::code)
              .toArray(String[]::new));
    }
    int limit = Params.integer(ctx, "limit", 100, 1, MAX_ROWS);
    String sql =
        "SELECT at, actor_tenant, key_id, action, object, detail FROM audit_log"
            + where
            + " ORDER BY at DESC LIMIT "
            + limit;
    Blocking.reads(ctx, () -> query(sql, params))
        .onSuccess(rows -> ApiResponses.rows(ctx, rows))
        .onFailure(ctx::fail);
  }

  private JsonArray query(String sql, List<Object> params) throws SQLException {
    JsonArray rows = new JsonArray();
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String[] array) {
          ps.setArray(i + 1, c.createArrayOf("String", array));
        } else if (p instanceof Timestamp t) {
          ps.setTimestamp(i + 1, t);
        } else {
          ps.setString(i + 1, (String) p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new JsonObject()
                  .put("at", rs.getTimestamp("at").toInstant().toString())
                  .put("tenant", rs.getString("actor_tenant"))
                  .put("key_id", rs.getString("key_id"))
                  .put("action", rs.getString("action"))
                  .put("object", rs.getString("object"))
                  .put("detail", detail(rs.getString("detail"))));
        }
      }
    }
    return rows;
  }

  private static Instant clamp(Instant t) {
    return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
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
