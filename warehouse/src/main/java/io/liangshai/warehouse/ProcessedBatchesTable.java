package io.liangshai.warehouse;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * ClickHouse table {@code processed_batches}: when the stream job finished a batch (its sink writes
 * the rows; this class reads them).
 */
public final class ProcessedBatchesTable {

  private static final String PROCESSED_AT =
      "SELECT processed_at FROM processed_batches WHERE batch_id = ?"
          + " ORDER BY processed_at DESC LIMIT 1";

  private static final String ALL = "SELECT DISTINCT batch_id FROM processed_batches";

  private final Warehouse warehouse;

  public ProcessedBatchesTable(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  /**
   * When the job last finished {@code batchId} (the table keeps the last row per batch once merged;
   * until then the newest is read): a restored platform's job reads its landing zone again and
   * finishes every batch anew. Empty while it has not.
   */
  public Optional<Instant> processedAt(String batchId) {
    return Sql.query(
        warehouse,
        "read processed_at of " + batchId,
        PROCESSED_AT,
        ps -> ps.setString(1, batchId),
        rs -> rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty());
  }

  /** Every batch the job has finished, ever. */
  public java.util.Set<String> all() {
    return Sql.query(
        warehouse,
        "read every processed batch",
        ALL,
        ps -> {},
        rs -> {
          java.util.Set<String> ids = new java.util.HashSet<>();
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
          return ids;
        });
  }
}
