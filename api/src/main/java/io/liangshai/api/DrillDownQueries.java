package io.liangshai.api;

import io.liangshai.core.time.Period;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Every SQL of the drill-down ({@code GET /api/v1/cases}) and the batch list ({@code GET
 * /api/v1/batches}). Values are bound; the only text spliced in is a period column picked from a
 * fixed set and fixed filter fragments.
 */
final class DrillDownQueries {

  private static final String CASES =
      "SELECT tenant_code, case_id, updated_at, enterprise_uscc, enterprise_name, channel,"
          + " category, status, received_at, deadline, deadline_derived, closed_at,"
          + " escalation_level, reassigned_count, leader_instructed, satisfaction, description,"
          + " recurrence, overdue_closed, count() OVER () AS total"
          + " FROM case_facts FINAL WHERE has(ancestors, ?) AND %s = ? AND status != 'withdrawn'%s"
          + " ORDER BY received_at DESC, tenant_code, case_id LIMIT ? OFFSET ?";

  private static final String OVERDUE =
      " AND (overdue_closed = 1 OR (status != 'closed' AND deadline < toDateTime64(?, 6, 'UTC')))";

  private static final String BATCHES =
      "SELECT batch_id, tenant_code, key_id, received_at, content_type, bytes, sha256, accepted,"
          + " ignored, rejected, errors FROM batches FINAL WHERE has(?, tenant_code)"
          + " ORDER BY received_at DESC, batch_id DESC LIMIT ?";

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private final Warehouse warehouse;

  DrillDownQueries(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** What {@code GET /api/v1/cases} asks for. */
  record CaseFilter(
      String tenant,
      Period period,
      String status,
      String category,
      boolean overdue,
      Instant now,
      int limit,
      int offset) {}

  /** One page of cases and the number of cases matching in all. */
  record CasePage(JsonArray rows, long total) {}

  CasePage cases(CaseFilter f) throws SQLException {
    StringBuilder extra = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(f.tenant());
    params.add(f.period().toString());
    if (f.status() != null) {
      extra.append(" AND status = ?");
      params.add(f.status());
    }
    if (f.category() != null) {
      extra.append(" AND category = ?");
      params.add(f.category());
    }
    if (f.overdue()) {
      extra.append(OVERDUE);
      params.add(MICROS.format(f.now()));
    }
    params.add(f.limit());
    params.add(f.offset());
    String sql = String.format(CASES, MetricsQueries.periodColumn(f.period()), extra);
    JsonArray rows = new JsonArray();
    long total = 0;
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(caseRow(rs, f.now()));
          total = rs.getLong("total");
        }
      }
    }
    if (rows.isEmpty() && f.offset() > 0) {
      // Past the last page: the window count is not there to read, so ask for the first page.
      total =
          cases(
                  new CaseFilter(
                      f.tenant(), f.period(), f.status(), f.category(), f.overdue(), f.now(), 1, 0))
              .total();
    }
    return new CasePage(rows, total);
  }

  /** The most recent batches sent by any of {@code tenants}, newest first. */
  JsonArray batches(Collection<String> tenants, int limit, int maxErrors) throws SQLException {
    JsonArray rows = new JsonArray();
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(BATCHES)) {
      ps.setArray(1, c.createArrayOf("String", tenants.toArray(String[]::new)));
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(batchRow(rs, maxErrors));
        }
      }
    }
    return rows;
  }

  private static JsonObject caseRow(ResultSet rs, Instant now) throws SQLException {
    String status = rs.getString("status");
    Instant deadline = instant(rs, "deadline");
    boolean overdue =
        rs.getInt("overdue_closed") == 1
            || (!"closed".equals(status) && deadline != null && deadline.isBefore(now));
    return new JsonObject()
        .put("tenant", rs.getString("tenant_code"))
        .put("case_id", rs.getString("case_id"))
        .put("updated_at", text(instant(rs, "updated_at")))
        .put("enterprise_uscc", rs.getString("enterprise_uscc"))
        .put("enterprise_name", rs.getString("enterprise_name"))
        .put("channel", rs.getString("channel"))
        .put("category", rs.getString("category"))
        .put("status", status)
        .put("received_at", text(instant(rs, "received_at")))
        .put("deadline", text(deadline))
        .put("deadline_derived", rs.getInt("deadline_derived") == 1)
        .put("closed_at", text(instant(rs, "closed_at")))
        .put("escalation_level", rs.getString("escalation_level"))
        .put("reassigned_count", rs.getInt("reassigned_count"))
        .put("leader_instructed", rs.getInt("leader_instructed") == 1)
        .put("satisfaction", rs.getString("satisfaction"))
        .put("description", rs.getString("description"))
        .put("recurrence", rs.getInt("recurrence") == 1)
        .put("overdue", overdue);
  }

  private static JsonObject batchRow(ResultSet rs, int maxErrors) throws SQLException {
    JsonArray errors;
    try {
      errors = new JsonArray(rs.getString("errors"));
    } catch (RuntimeException unreadable) {
      errors = new JsonArray();
    }
    int errorCount = errors.size();
    JsonArray shown =
        new JsonArray(
            new ArrayList<>(errors.getList().subList(0, Math.min(errorCount, maxErrors))));
    return new JsonObject()
        .put("batch_id", rs.getString("batch_id"))
        .put("tenant", rs.getString("tenant_code"))
        .put("key_id", rs.getString("key_id"))
        .put("received_at", text(instant(rs, "received_at")))
        .put("format", rs.getString("content_type"))
        .put("bytes", rs.getLong("bytes"))
        .put("sha256", rs.getString("sha256"))
        .put("accepted", rs.getLong("accepted"))
        .put("ignored", rs.getLong("ignored"))
        .put("rejected", rs.getLong("rejected"))
        .put("errors", shown)
        .put("errors_truncated", errorCount > shown.size());
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) p);
      }
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
