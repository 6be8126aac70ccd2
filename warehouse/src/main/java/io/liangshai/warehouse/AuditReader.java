package io.liangshai.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The reader of {@link AuditLog}: an {@link AuditQuery} as SQL, its rows as {@link AuditEntry}. */
final class AuditReader {

  /** Bounds of the times the audit log can hold; filters beyond them are clamped to them. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private AuditReader() {}

  static List<AuditEntry> find(Warehouse warehouse, AuditQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (q.actorTenant() != null) {
      where.append(" AND actor_tenant = ?");
      params.add(q.actorTenant());
    }
    if (q.keyId() != null) {
      where.append(" AND key_id = ?");
      params.add(q.keyId());
    }
    if (q.action() != null) {
      boolean exact = q.action().contains(".");
      where.append(exact ? " AND action = ?" : " AND startsWith(action, ?)");
      params.add(exact ? q.action() : q.action() + ".");
    }
    if (q.from() != null) {
      where.append(" AND at >= ?");
      params.add(Timestamp.from(clamp(q.from())));
    }
    if (q.to() != null) {
      where.append(" AND at < ?");
      params.add(Timestamp.from(clamp(q.to())));
    }
    if (q.uploadsOf() != null) {
      where.append(" AND startsWith(action, 'batch.') AND has(?, actor_tenant)");
      params.add(q.uploadsOf().toArray(String[]::new));
    }
    String sql =
        "SELECT at, actor_tenant, key_id, action, object, detail FROM audit_log"
            + where
            + " ORDER BY at DESC LIMIT "
            + q.limit();
    return Sql.on(warehouse, "read audit_log", c -> query(c, sql, params));
  }

  private static List<AuditEntry> query(Connection c, String sql, List<Object> params)
      throws SQLException {
    List<AuditEntry> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
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
              new AuditEntry(
                  rs.getTimestamp("at").toInstant(),
                  rs.getString("actor_tenant"),
                  rs.getString("key_id"),
                  rs.getString("action"),
                  rs.getString("object"),
                  rs.getString("detail")));
        }
      }
    }
    return rows;
  }

  private static Instant clamp(Instant t) {
    return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
  }
}
