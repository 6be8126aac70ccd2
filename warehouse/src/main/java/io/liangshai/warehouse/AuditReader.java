package io.liangshai.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The reader of {@link AuditLog}: an {@link AuditQuery} as SQL, its rows as {@link AuditEntry}. */
final class AuditReader {

  /** Bounds of the times the audit log can hold; filters beyond them are clamped to them. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private AuditReader() {}

  static List<AuditEntry> find(Warehouse warehouse, AuditQuery q) {
    Conditions where =
        new Conditions()
            .andIfSet("actor_tenant = ?", q.actorTenant())
            .andIfSet("key_id = ?", q.keyId());
    if (q.action() != null) {
      boolean exact = q.action().contains(".");
      where.and(
          exact ? "action = ?" : "startsWith(action, ?)", exact ? q.action() : q.action() + ".");
    }
    where
        .andIfSet("at >= ?", q.from(), t -> Timestamp.from(clamp(t)))
        .andIfSet("at < ?", q.to(), t -> Timestamp.from(clamp(t)))
        .andIfSet(
            "startsWith(action, 'batch.') AND has(?, actor_tenant)",
            q.uploadsOf(),
            tenants -> tenants.toArray(String[]::new));
    String sql =
        "SELECT at, actor_tenant, key_id, action, object, detail FROM audit_log WHERE 1 = 1"
            + where.sql()
            + " ORDER BY at DESC LIMIT "
            + q.limit();
    return Sql.query(warehouse, "read audit_log", sql, where, Sql.eachRow(AuditReader::entry));
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor_tenant"),
        rs.getString("key_id"),
        rs.getString("action"),
        rs.getString("object"),
        rs.getString("detail"));
  }

  private static Instant clamp(Instant t) {
    return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
  }
}
