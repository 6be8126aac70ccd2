package io.liangshai.metadata;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.lang.Required;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sign-offs of tenants' months (数据审核确认, SPEC §10) on table {@code signoffs}: each signing a new row
 * holding the §3 counts it approved; the newest row not withdrawn is the month's sign-off; a
 * withdrawal is written on its row. Rows are never deleted.
 */
public final class PostgresSignoffs {

  private static final String COLUMNS =
      "id, tenant_code, period, signed_at, signed_by_tenant, signed_by_key, received, closed,"
          + " overdue_closed, recurrences, rated, satisfied, dissatisfied, reassigned,"
          + " leader_instructed, escalated, withdrawn_at, withdrawn_by_key";

  /** The newest row not withdrawn per tenant, with the first signing of the month beside it. */
  private static final String CURRENT =
      "SELECT DISTINCT ON (tenant_code) "
          + COLUMNS
          + ", min(signed_at) OVER (PARTITION BY tenant_code) AS first_signed_at"
          + " FROM signoffs WHERE period = ? AND withdrawn_at IS NULL"
          + " ORDER BY tenant_code, id DESC";

  private final Metadata metadata;

  public PostgresSignoffs(DataSource dataSource, Clock clock) {
    this.metadata = new Metadata(dataSource, clock);
  }

  /**
   * One sign-off.
   *
   * @param firstSignedAt the first signing of the month not withdrawn (for timeliness); for a
   *     withdrawn row its own time
   */
  public record Signoff(
      long id,
      String tenant,
      String period,
      Instant signedAt,
      String signedByTenant,
      String signedByKey,
      IndicatorCounts counts,
      Instant firstSignedAt,
      Optional<Instant> withdrawnAt) {

    public Signoff {
      Required.nonNull("tenant period counts withdrawnAt", tenant, period, counts, withdrawnAt);
    }
  }

  /**
   * Records that {@code byTenant}'s key {@code byKey} approved {@code counts} of tenant's month.
   */
  public Signoff sign(
      String tenant, String period, String byTenant, String byKey, IndicatorCounts counts) {
    Instant now = metadata.now();
    return metadata.inTransaction(
        "sign off " + tenant + " " + period,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO signoffs (tenant_code, period, signed_at, signed_by_tenant,"
                      + " signed_by_key, received, closed, overdue_closed, recurrences, rated,"
                      + " satisfied, dissatisfied, reassigned, leader_instructed, escalated)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, tenant);
            ps.setString(2, period);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, byTenant);
            ps.setString(5, byKey);
            long[] values = {
              counts.received(),
              counts.closed(),
              counts.overdueClosed(),
              counts.recurrences(),
              counts.rated(),
              counts.satisfied(),
              counts.dissatisfied(),
              counts.reassigned(),
              counts.leaderInstructed(),
              counts.escalated()
            };
            for (int i = 0; i < values.length; i++) {
              ps.setLong(6 + i, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          return current(c, period).stream()
              .filter(s -> s.id() == id)
              .findFirst()
              .orElseThrow(() -> new SQLException("sign-off " + id + " not found after insert"));
        });
  }

  /** The sign-off of every tenant that has one for {@code period}, by tenant code. */
  public List<Signoff> current(String period) {
    return metadata.inTransaction("read the sign-offs of " + period, c -> current(c, period));
  }

  /** The sign-off {@code id}, withdrawn or not. */
  public Optional<Signoff> find(long id) {
    return metadata.inTransaction(
        "read sign-off " + id,
        c ->
            Rows.first(
                c,
                "SELECT " + COLUMNS + ", signed_at AS first_signed_at FROM signoffs WHERE id = ?",
                PostgresSignoffs::read,
                id));
  }

  /** Withdraws sign-off {@code id} by key {@code byKey}; false when it was already withdrawn. */
  public boolean withdraw(long id, String byKey) {
    return metadata.inTransaction(
        "withdraw sign-off " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE signoffs SET withdrawn_at = ?, withdrawn_by_key = ?"
                      + " WHERE id = ? AND withdrawn_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(metadata.now()));
            ps.setString(2, byKey);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static List<Signoff> current(Connection c, String period) throws SQLException {
    return Rows.list(c, CURRENT, PostgresSignoffs::read, period);
  }

  private static Signoff read(ResultSet rs) throws SQLException {
    return new Signoff(
        rs.getLong("id"),
        rs.getString("tenant_code"),
        rs.getString("period"),
        Rows.instant(rs, "signed_at"),
        rs.getString("signed_by_tenant"),
        rs.getString("signed_by_key"),
        new IndicatorCounts(
            rs.getLong("received"),
            rs.getLong("closed"),
            rs.getLong("overdue_closed"),
            rs.getLong("recurrences"),
            rs.getLong("rated"),
            rs.getLong("satisfied"),
            rs.getLong("dissatisfied"),
            rs.getLong("reassigned"),
            rs.getLong("leader_instructed"),
            rs.getLong("escalated")),
        Rows.instant(rs, "first_signed_at"),
        Rows.optionalInstant(rs, "withdrawn_at"));
  }
}
