package io.liangshai.metadata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The ingest version index in PostgreSQL, shared by every process that takes uploads: for every
 * record version the content hash accepted for it, with the duplicate/conflict verdict made atomic
 * across processes by {@link VersionClaims}, and the batches whose claims are committed, each with
 * its manifest ({@link #manifest}), which every process answers from. The versions can always be
 * rebuilt from the landing zone's record files (ingest's {@code IndexReconciler}).
 */
public final class PostgresVersionIndex {

  private final Metadata metadata;

  public PostgresVersionIndex(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /** Opens the claims of batch {@code batchId}; close it (committed or not) when done. */
  public VersionClaims begin(String batchId) throws SQLException {
    Objects.requireNonNull(batchId, "batchId");
    Connection connection = metadata.connect();
    try {
      return new VersionClaims(connection, batchId, metadata.clock());
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The newest committed batch, by id (batch ids sort by time); empty before the first. */
  public Optional<String> committedThrough() throws SQLException {
    try (Connection c = metadata.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(batch_id) FROM committed_batches")) {
      rs.next();
      return Optional.ofNullable(rs.getString(1));
    }
  }

  /**
   * The ids of every committed batch: a landed batch missing here was published but never committed
   * (a crash in between), whichever process landed it.
   */
  public Set<String> committedBatches() throws SQLException {
    try (Connection c = metadata.connect()) {
      return new HashSet<>(
          Rows.list(c, "SELECT batch_id FROM committed_batches", rs -> rs.getString(1)));
    }
  }

  /**
   * The manifest committed with batch {@code batchId} ({@link VersionClaims#commit}), as JSON in
   * UTF-8: the same object, in {@code jsonb}'s form (its own key order and spacing); empty for a
   * batch not committed, or committed before manifests were kept here.
   */
  public Optional<byte[]> manifest(String batchId) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Rows.first(
          c,
          "SELECT manifest::text FROM batch_manifests WHERE batch_id = ?",
          rs -> rs.getString(1).getBytes(StandardCharsets.UTF_8),
          batchId);
    }
  }

  public boolean isEmpty() throws SQLException {
    try (Connection c = metadata.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM record_versions)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The committed content hash of {@code version}, if any. */
  public Optional<String> storedHash(RecordVersion version) throws SQLException {
    try (Connection c = metadata.connect()) {
      return storedHash(c, version);
    }
  }

  private static Optional<String> storedHash(Connection c, RecordVersion version)
      throws SQLException {
    return Rows.first(
        c,
        "SELECT content_hash FROM record_versions"
            + " WHERE tenant_code = ? AND case_id = ? AND updated_at = ?",
        rs -> rs.getString(1),
        version.tenantCode(),
        version.caseId(),
        Timestamp.from(version.updatedAt()));
  }
}
