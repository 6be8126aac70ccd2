package io.liangshai.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * ClickHouse table {@code batches}: a copy of every accepted batch's summary for audit queries; the
 * landing zone's manifest stays the truth. Writing a batch again replaces its row
 * (ReplacingMergeTree by {@code batch_id}), so a back-fill may repeat itself.
 */
public final class BatchesTable {

  private static final String INSERT =
      "INSERT INTO batches (batch_id, tenant_code, key_id, received_at, content_type, bytes,"
          + " sha256, accepted, ignored, rejected, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String NEWEST = "SELECT max(batch_id) FROM batches";

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
      Objects.requireNonNull(batchId, "batchId");
      Objects.requireNonNull(receivedAt, "receivedAt");
    }
  }

  public void write(Row r) throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, r.batchId());
      ps.setString(2, r.tenant());
      ps.setString(3, r.keyId());
      ps.setTimestamp(4, Timestamp.from(r.receivedAt()));
      ps.setString(5, r.contentType());
      ps.setLong(6, r.bytes());
      ps.setString(7, r.sha256());
      ps.setInt(8, r.accepted());
      ps.setInt(9, r.ignored());
      ps.setInt(10, r.rejected());
      ps.setString(11, r.errorsJson());
      ps.executeUpdate();
    }
  }

  /** The greatest batch id in the table, if any. */
  public Optional<String> newestBatchId() throws SQLException {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(NEWEST);
        ResultSet rs = ps.executeQuery()) {
      String newest = rs.next() ? rs.getString(1) : null;
      return newest == null || newest.isEmpty() ? Optional.empty() : Optional.of(newest);
    }
  }
}
