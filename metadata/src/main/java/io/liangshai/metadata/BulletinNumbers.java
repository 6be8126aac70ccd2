package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Issue numbers of bulletin series (期号): each {@link #allocate} takes the series' next number in
 * its own transaction and records it in {@code bulletin_issues}, so two publishers, in one process
 * or several, never share a number. A publication that fails after allocating leaves a gap, never a
 * repeat.
 */
public final class BulletinNumbers {

  static final String SCOPE = "bulletin";

  private final Metadata metadata;

  public BulletinNumbers(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /** The next issue number of {@code seriesId}: 1 for a new series. */
  public int allocate(String seriesId) throws SQLException {
    Objects.requireNonNull(seriesId, "seriesId");
    return metadata.inTransaction(
        c -> {
          int issueNo = Numbering.next(c, SCOPE, seriesId);
          record(c, seriesId, issueNo);
          return issueNo;
        });
  }

  /**
   * Runs {@code work} holding the lock of one period of a series: a PostgreSQL transaction-level
   * advisory lock, so that the publications of one period — in this process or in any other on the
   * same database — run one after another, and the second finds the first's bulletin. The lock goes
   * with its connection, so a holder that dies releases it.
   */
  public <T> T whilePublishing(String seriesId, String period, Supplier<T> work)
      throws SQLException {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(period, "period");
    try (Connection c = metadata.connect()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
          ps.setString(1, SCOPE + ":" + seriesId);
          ps.setString(2, period);
          ps.execute();
        }
        return work.get();
      } finally {
        c.rollback();
      }
    }
  }

  /** The last issue number of {@code seriesId} handed out, 0 if none. */
  public int lastIssueNo(String seriesId) throws SQLException {
    try (Connection c = metadata.connect()) {
      return Numbering.last(c, SCOPE, seriesId);
    }
  }

  /**
   * Records issues numbered up to {@code lastIssueNo} as handed out elsewhere (bulletins published
   * before the numbering moved here), so the next allocation follows them.
   */
  public void continueAfter(String seriesId, int lastIssueNo) throws SQLException {
    if (lastIssueNo < 1) {
      throw new IllegalArgumentException("lastIssueNo must be positive, got " + lastIssueNo);
    }
    metadata.inTransaction(
        c -> {
          Numbering.atLeast(c, SCOPE, seriesId, lastIssueNo);
          return null;
        });
  }

  private void record(Connection c, String seriesId, int issueNo) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bulletin_issues (series_id, issue_no, allocated_at) VALUES (?, ?, ?)")) {
      ps.setString(1, seriesId);
      ps.setInt(2, issueNo);
      ps.setTimestamp(3, Timestamp.from(metadata.now()));
      ps.executeUpdate();
    }
  }
}
