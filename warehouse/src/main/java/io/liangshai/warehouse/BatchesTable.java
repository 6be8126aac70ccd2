package io.liangshai.warehouse;

import io.liangshai.core.lang.Required;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ClickHouse table {@code batches}: a copy of every accepted batch's summary for audit queries; the
 * landing zone's manifest stays the truth. Writing a batch again replaces its row
 * (ReplacingMergeTree by {@code batch_id}), so a back-fill may repeat itself.
 */
public final class BatchesTable {

  /** The table's columns, in their order. */
  private enum Col implements Column {
    BATCH_ID,
    TENANT_CODE,
    KEY_ID,
    RECEIVED_AT,
    CONTENT_TYPE,
    BYTES,
    SHA256,
    ACCEPTED,
    IGNORED,
    REJECTED,
    ERRORS
  }

  private static final NamedInsert<Col> INSERT = new NamedInsert<>("batches", Col.class);
  private static final String NEWEST = "SELECT max(batch_id) FROM batches";
  private static final String RECENT =
      "SELECT "
          + String.join(", ", INSERT.columns())
          + " FROM batches FINAL WHERE has(?, tenant_code)"
          + " ORDER BY received_at DESC, batch_id DESC LIMIT ?";

  private final Warehouse warehouse;

  public BatchesTable(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * One batch's row.
   *
   * @param contentType the batch format's name ({@code CSV}, {@code JSON_LINES}, …)
   * @param errorsJson a JSON array of its first row errors
   */
  public record Row(
      String batchId,
      String tenant,
      String keyId,
      Instant receivedAt,
      String contentType,
      long bytes,
      String sha256,
      int accepted,
      int ignored,
      int rejected,
      String errorsJson) {

    public Row {
      Required.nonNull("batchId receivedAt", batchId, receivedAt);
    }
  }

  public void write(Row r) {
    Sql.on(
        warehouse,
        "write batch " + r.batchId(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT.sql())) {
            return INSERT
                .bind(ps)
                .set(Col.BATCH_ID, r.batchId())
                .set(Col.TENANT_CODE, r.tenant())
                .set(Col.KEY_ID, r.keyId())
                .set(Col.RECEIVED_AT, r.receivedAt())
                .set(Col.CONTENT_TYPE, r.contentType())
                .set(Col.BYTES, r.bytes())
                .set(Col.SHA256, r.sha256())
                .set(Col.ACCEPTED, r.accepted())
                .set(Col.IGNORED, r.ignored())
                .set(Col.REJECTED, r.rejected())
                .set(Col.ERRORS, r.errorsJson())
                .done()
                .executeUpdate();
          }
        });
  }

  /** The greatest batch id in the table, if any. */
  public Optional<String> newestBatchId() {
    String newest =
        Sql.query(
            warehouse,
            "read the newest batch id",
            NEWEST,
            Sql.Parameters.none(),
            rs -> rs.next() ? rs.getString(1) : null);
    return newest == null || newest.isEmpty() ? Optional.empty() : Optional.of(newest);
  }

  /** The ids of the batches held whose id sorts after {@code after}. */
  public java.util.Set<String> batchIdsAfter(String after) {
    return Sql.query(
        warehouse,
        "read the recent batch ids",
        "SELECT DISTINCT batch_id FROM batches WHERE batch_id > ?",
        ps -> ps.setString(1, after),
        rs -> {
          java.util.Set<String> ids = new java.util.HashSet<>();
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
          return ids;
        });
  }

  /** The {@code limit} most recent batches sent by any of {@code tenants}, newest first. */
  public List<Row> recent(Collection<String> tenants, int limit) {
    return Sql.query(
        warehouse,
        "read recent batches",
        RECENT,
        ps -> {
          ps.setArray(
              1, ps.getConnection().createArrayOf("String", tenants.toArray(String[]::new)));
          ps.setInt(2, limit);
        },
        Sql.eachRow(BatchesTable::read));
  }

  private static Row read(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("batch_id"),
        rs.getString("tenant_code"),
        rs.getString("key_id"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getString("content_type"),
        rs.getLong("bytes"),
        rs.getString("sha256"),
        rs.getInt("accepted"),
        rs.getInt("ignored"),
        rs.getInt("rejected"),
        rs.getString("errors"));
  }
}
