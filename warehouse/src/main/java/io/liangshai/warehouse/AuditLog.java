package io.liangshai.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 *
 * <p>Uploads and refusals are derived from the landing zone and back-filled, so they are written
 * with the time of the act ({@link #record(Instant, String, String, String, String, String)}) and
 * looked up first ({@link #contains}) so that a back-fill never writes a row twice.
 */
public final class AuditLog {

  /** The table's columns, in their order. */
  private enum Col implements Column {
    AT,
    ACTOR_TENANT,
    KEY_ID,
    ACTION,
    OBJECT,
    DETAIL
  }

  private static final NamedInsert<Col> INSERT = new NamedInsert<>("audit_log", Col.class);

  private static final String CONTAINS =
      "SELECT count() FROM audit_log WHERE action = ? AND object = ?";
  private static final String NEWEST_OBJECT =
      "SELECT max(object) FROM audit_log WHERE action = ? AND object != ''";

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
      String actorTenant, String keyId, String action, String object, String detailJson) {
    record(clock.instant(), actorTenant, keyId, action, object, detailJson);
  }

  /** As {@link #record(String, String, String, String, String)}, for an act done {@code at}. */
  public void record(
      Instant at,
      String actorTenant,
      String keyId,
      String action,
      String object,
      String detailJson) {
    Objects.requireNonNull(at, "at");
    requireText(actorTenant, "actorTenant");
    requireText(keyId, "keyId");
    requireText(action, "action");
    Objects.requireNonNull(object, "object");
    String detail = detailJson == null || detailJson.isBlank() ? "{}" : detailJson;
    if (!detail.strip().startsWith("{")) {
      throw new IllegalArgumentException("detailJson must be a JSON object, got " + detail);
    }
    Sql.on(
        warehouse,
        "record " + action + " in audit_log",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT.sql())) {
            return INSERT
                .bind(ps)
                .set(Col.AT, at)
                .set(Col.ACTOR_TENANT, actorTenant)
                .set(Col.KEY_ID, keyId)
                .set(Col.ACTION, action)
                .set(Col.OBJECT, object)
                .set(Col.DETAIL, detail)
                .done()
                .executeUpdate();
          }
        });
  }

  /** Whether a row of {@code action} on {@code object} exists. */
  public boolean contains(String action, String object) {
    return Sql.on(
        warehouse,
        "look up " + action + " in audit_log",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(CONTAINS)) {
            ps.setString(1, action);
            ps.setString(2, object);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getLong(1) > 0;
            }
          }
        });
  }

  /** The greatest object of the rows of {@code action}, if any has a non-empty one. */
  public Optional<String> newestObject(String action) {
    String newest =
        Sql.on(
            warehouse,
            "read the newest " + action + " in audit_log",
            c -> {
              try (PreparedStatement ps = c.prepareStatement(NEWEST_OBJECT)) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    return newest == null || newest.isEmpty() ? Optional.empty() : Optional.of(newest);
  }

  /** The rows {@code query} selects, newest first. */
  public List<AuditEntry> find(AuditQuery query) {
    return AuditReader.find(warehouse, query);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
