package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The claims of one upload batch, in one open transaction. {@link #claim} inserts the version with
 * its hash unless it is there; a version another open batch has claimed makes it wait until that
 * batch commits (then it is a duplicate or a conflict) or rolls back (then it is new here). So two
 * concurrent uploads of one version with different content: exactly one is accepted. {@link
 * #commit} makes the claims durable; {@link #close} without it gives them all back.
 *
 * <p>Two batches claiming the same versions in opposite orders may deadlock; PostgreSQL then fails
 * one claim with SQLSTATE {@code 40P01} and that batch is to be retried from the start.
 */
public final class VersionClaims implements AutoCloseable {

  private static final String CLAIM =
      "INSERT INTO record_versions (tenant_code, case_id, updated_at, content_hash, batch_id)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final Connection connection;
  private final String batchId;
  private final Clock clock;
  private boolean committed;

  VersionClaims(Connection connection, String batchId, Clock clock) throws SQLException {
    this.connection = connection;
    this.batchId = batchId;
    this.clock = clock;
    connection.setAutoCommit(false);
  }

  /** The verdict for {@code version} with content {@code hash}; a new version is claimed. */
  public VersionVerdict claim(RecordVersion version, String hash) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(CLAIM)) {
      ps.setString(1, version.tenantCode());
      ps.setString(2, version.caseId());
      ps.setTimestamp(3, Timestamp.from(version.updatedAt()));
      ps.setString(4, hash);
      ps.setString(5, batchId);
      if (ps.executeUpdate() == 1) {
        return VersionVerdict.NEW;
      }
    }
    String stored =
        PostgresVersionIndex.storedHash(connection, version)
            .orElseThrow(() -> new SQLException("claimed version vanished: " + version));
    return stored.equals(hash) ? VersionVerdict.DUPLICATE : VersionVerdict.CONFLICT;
  }

  /**
   * Makes this batch's claims durable and records the batch as committed; false when it was
   * recorded already (by another process that committed the same landed batch first).
   */
  public boolean commit() throws SQLException {
    boolean recorded;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO committed_batches (batch_id, committed_at) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, batchId);
      ps.setTimestamp(2, Timestamp.from(clock.instant()));
      recorded = ps.executeUpdate() == 1;
    }
    connection.commit();
    committed = true;
    return recorded;
  }

  /**
   * Whether {@code e} is PostgreSQL's deadlock verdict ({@code 40P01}): the batch's claims are gone
   * and the batch is to be claimed again from the start.
   */
  public static boolean isDeadlock(SQLException e) {
    return "40P01".equals(e.getSQLState());
  }

  /** Gives back every claim unless {@link #commit} ran, and releases the connection. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      if (!committed) {
        connection.rollback();
      }
    }
  }
}
