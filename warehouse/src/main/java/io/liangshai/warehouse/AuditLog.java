package io.liangshai.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;

/**
 * The append-only record of every upload and administrative act, in ClickHouse table {@code
 * audit_log}. Rows are only ever inserted; nothing in the platform updates or deletes them.
 *
 * <p>Actions are dotted names, {@code object.verb}: {@code batch.upload}, {@code batch.refused},
 * {@code key.issue}, {@code key.revoke}, {@code key.rotate}, {@code scheme.create}, {@code
 * scheme.retire}, {@code bulletin.publish}. A tenant reads the {@code batch.*} rows in its scope;
 * the province reads everything ({@code GET /api/v1/audit}).
 *
 * <pre>{@code
 * audit.record(caller.tenantCode(), caller.keyId(), "bulletin.publish", bulletinId,
 *     "{\"period\":\"2024-03\",\"group\":\"counties\"}");
 * }</pre>
 */
public final class AuditLog {

  private static final String INSERT =
      "INSERT INTO audit_log (at, actor_tenant, key_id, action, object, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final Warehouse warehouse;
  private final Clock clock;

  public AuditLog(Warehouse warehouse, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Appends one row, now.
   *
   * @param actorTenant the acting tenant's code ({@code 330000} for the province)
   * @param keyId the key it acted with ({@code admin} for the environment's admin key)
   * @param action what it did, e.g. {@code key.revoke}
   * @param object what it acted on: a batch id, a key id, a scheme id, a bulletin id
   * @param detailJson a JSON object with the particulars ({@code {}} when there are none)
   */
  public void record(
      String actorTenant, String keyId, String action, String object, String detailJson)
      throws SQLException {
    requireText(actorTenant, "actorTenant");
    requireText(keyId, "keyId");
    requireText(action, "action");
    Objects.requireNonNull(object, "object");
    String detail = detailJson == null || detailJson.isBlank() ? "{}" : detailJson;
    if (!detail.strip().startsWith("{")) {
      throw new IllegalArgumentException("detailJson must be a JSON object, got " + detail);
    }
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, actorTenant);
      ps.setString(3, keyId);
      ps.setString(4, action);
      ps.setString(5, object);
      ps.setString(6, detail);
      ps.executeUpdate();
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
