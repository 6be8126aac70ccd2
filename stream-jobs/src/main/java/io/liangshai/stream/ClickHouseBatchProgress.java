package io.liangshai.stream;

import io.liangshai.warehouse.ClickHouseTimeouts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Marks batches processed in ClickHouse table {@code processed_batches}, with the driver's timeouts
 * ({@link ClickHouseTimeouts}): it runs on the task thread when a checkpoint completes, so a hung
 * ClickHouse must fail it (it is tried again at the next checkpoint), never block it.
 */
public final class ClickHouseBatchProgress implements BatchProgress {

  private static final long serialVersionUID = 1L;
  private final String jdbcUrl;

  public ClickHouseBatchProgress(String jdbcUrl) {
    this.jdbcUrl = ClickHouseTimeouts.apply(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
  }

  @Override
  public void markProcessed(List<String> batchIds) throws Exception {
    if (batchIds.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO processed_batches (batch_id, processed_at) VALUES (?, ?)")) {
      for (String id : batchIds) {
        ps.setString(1, id);
        ps.setTimestamp(2, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
