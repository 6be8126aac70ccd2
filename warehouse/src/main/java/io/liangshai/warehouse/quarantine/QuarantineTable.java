package io.liangshai.warehouse.quarantine;

import io.liangshai.warehouse.Column;
import io.liangshai.warehouse.Conditions;
import io.liangshai.warehouse.NamedInsert;
import io.liangshai.warehouse.Sql;
import io.liangshai.warehouse.Warehouse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * ClickHouse table {@code quarantine} (V006): its columns, the insert the stream job's sink binds
 * with {@link #bind}, and the readers the API answers from. A line counts once however many rows
 * (operators, replays) it has.
 */
public final class QuarantineTable {

  /** The table's columns, in their order. */
  private enum Col implements Column {
    BATCH_ID,
    LINE,
    TENANT_CODE,
    CASE_ID,
    OPERATOR,
    REASON,
    CONTENT,
    AT
  }

  private static final NamedInsert<Col> ROW = new NamedInsert<>("quarantine", Col.class);

  public static final String COLUMNS = String.join(", ", ROW.columns());

  public static final String INSERT = ROW.sql();

  /** The most rows one {@link #find} answers. */
  public static final int MAX_ROWS = 1_000;

  private final Warehouse warehouse;

  public QuarantineTable(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /** Binds {@code row} to the parameters of {@link #INSERT}. */
  public static void bind(PreparedStatement ps, QuarantinedLine row) throws SQLException {
    ROW.bind(ps)
        .set(Col.BATCH_ID, row.batchId())
        .set(Col.LINE, row.line())
        .set(Col.TENANT_CODE, row.tenantCode())
        .set(Col.CASE_ID, row.caseId())
        .set(Col.OPERATOR, row.operator())
        .set(Col.REASON, row.reason())
        .set(Col.CONTENT, row.content())
        .set(Col.AT, row.at())
        .done();
  }

  /** Inserts rows directly (the job writes through its sink; this is for tools and tests). */
  public void insert(List<QuarantinedLine> rows) {
    Sql.on(
        warehouse,
        "insert into quarantine",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (QuarantinedLine row : rows) {
              bind(ps, row);
              ps.addBatch();
            }
            return ps.executeBatch();
          }
        });
  }

  /**
   * Rows newest first, at most {@code limit} (1 to {@link #MAX_ROWS}).
   *
   * @param batchId only this batch's rows, or null for every batch
   * @param tenantCode only this tenant's rows, or null for every tenant
   */
  public List<QuarantinedLine> find(String batchId, String tenantCode, int limit) {
    if (limit < 1 || limit > MAX_ROWS) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_ROWS + ", got " + limit);
    }
    Conditions where =
        new Conditions().andIfSet("batch_id = ?", batchId).andIfSet("tenant_code = ?", tenantCode);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM quarantine FINAL WHERE 1 = 1"
            + where.sql()
            + " ORDER BY at DESC, batch_id, line, operator LIMIT "
            + limit;
    return Sql.query(warehouse, "read quarantine", sql, where, Sql.eachRow(QuarantineTable::read));
  }

  /** How many distinct lines of {@code batchId} are in quarantine (0 when none). */
  public int linesOf(String batchId) {
    return Sql.query(
        warehouse,
        "count quarantined lines of " + batchId,
        "SELECT uniqExact(line) FROM quarantine WHERE batch_id = ?",
        ps -> ps.setString(1, batchId),
        rs -> rs.next() ? rs.getInt(1) : 0);
  }

  /** How many distinct lines of every batch are in quarantine. */
  public long totalLines() {
    return Sql.query(
        warehouse,
        "count quarantined lines",
        "SELECT uniqExact(batch_id, line) FROM quarantine",
        Sql.Parameters.none(),
        rs -> rs.next() ? rs.getLong(1) : 0L);
  }

  private static QuarantinedLine read(ResultSet rs) throws SQLException {
    return new QuarantinedLine(
        rs.getString("batch_id"),
        rs.getLong("line"),
        rs.getString("tenant_code"),
        rs.getString("case_id"),
        rs.getString("operator"),
        rs.getString("reason"),
        rs.getString("content"),
        rs.getTimestamp("at").toInstant());
  }
}
