package io.liangshai.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Scheduled bulletins held until their month is signed off (schedule option {@code
 * wait_for_signoff}, SPEC §10), on table {@code bulletin_holds}: one row per series and period,
 * refreshed at each check while held and released when the period's bulletin appears. In the
 * metadata database, so a hold survives a restart and every process of the cluster sees it.
 * Instants are given by the caller (the scheduler's clock) and kept to the microsecond.
 */
public final class BulletinHolds {

  private static final String COLUMNS =
      "series_id, period, held_since, until_at, missing, checked_at, released_at, released_as";

  private final DataSource dataSource;

  public BulletinHolds(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * A held publication.
   *
   * @param since when it was first held
   * @param until when it is published whether or not everyone has signed off
   * @param missing the codes of the tenants without a sign-off in force at the last check, in order
   * @param checkedAt the last check
   * @param releasedAt when the bulletin appeared, empty while held
   * @param releasedAs why: {@code signed_off}, {@code last_day}, {@code not_waiting} or {@code
   *     published}; null while held
   */
  public record Hold(
      String series,
      String period,
      Instant since,
      Instant until,
      List<String> missing,
      Instant checkedAt,
      Optional<Instant> releasedAt,
      String releasedAs) {

    public Hold {
      Objects.requireNonNull(series, "series");
      Objects.requireNonNull(period, "period");
      missing = List.copyOf(missing);
      Objects.requireNonNull(releasedAt, "releasedAt");
    }
  }

  /**
   * Holds {@code period} of {@code series} at {@code now}, or, when it is held already, records
   * this check's {@code missing} tenants and {@code until}.
   *
   * @return the hold, and whether this call began it (true) or found it (false)
   */
  public Held hold(String series, String period, Instant until, List<String> missing, Instant now) {
    Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
    String codes = String.join(",", missing);
    return inTransaction(
        "hold " + series + " " + period,
        c -> {
          boolean began;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO bulletin_holds (series_id, period, held_since, until_at, missing,"
                      + " checked_at) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (series_id, period) DO UPDATE SET until_at ="
                      + " EXCLUDED.until_at, missing = EXCLUDED.missing, checked_at ="
                      + " EXCLUDED.checked_at, released_at = NULL, released_as = NULL"
                      + " RETURNING (xmax = 0) AS began")) {
            ps.setString(1, series);
            ps.setString(2, period);
            ps.setTimestamp(3, at);
            ps.setTimestamp(4, Timestamp.from(until));
            ps.setString(5, codes);
            ps.setTimestamp(6, at);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              began = rs.getBoolean("began");
            }
          }
          Hold hold = find(c, series, period).orElseThrow();
          return new Held(hold, began);
        });
  }

  /** A hold and whether the call that returned it began it. */
  public record Held(Hold hold, boolean began) {}

  /**
   * Releases the hold of {@code period} of {@code series}, if it is held, at {@code now} {@code as}
   * the reason; false when it was not held.
   */
  public boolean release(String series, String period, String as, Instant now) {
    Objects.requireNonNull(as, "as");
    return inTransaction(
        "release the hold of " + series + " " + period,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE bulletin_holds SET released_at = ?, released_as = ?"
                      + " WHERE series_id = ? AND period = ? AND released_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now.truncatedTo(ChronoUnit.MICROS)));
            ps.setString(2, as);
            ps.setString(3, series);
            ps.setString(4, period);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** The publications of {@code series} held now, oldest period first. */
  public List<Hold> held(String series) {
    return inTransaction(
        "read the holds of " + series,
        c ->
            Rows.list(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM bulletin_holds WHERE series_id = ? AND released_at IS NULL"
                    + " ORDER BY period",
                BulletinHolds::read,
                series));
  }

  /** The hold of {@code period} of {@code series}, held or released; empty when never held. */
  public Optional<Hold> find(String series, String period) {
    return inTransaction("read the hold of " + series + " " + period, c -> find(c, series, period));
  }

  private static Optional<Hold> find(Connection c, String series, String period)
      throws SQLException {
    return Rows.first(
        c,
        "SELECT " + COLUMNS + " FROM bulletin_holds WHERE series_id = ? AND period = ?",
        BulletinHolds::read,
        series,
        period);
  }

  private <T> T inTransaction(String what, Transactions.Work<T> work) {
    try {
      return Transactions.inTransaction(dataSource, work);
    } catch (SQLException e) {
      throw new MetadataStoreException(what, e);
    }
  }

  private static Hold read(ResultSet rs) throws SQLException {
    String missing = rs.getString("missing");
    return new Hold(
        rs.getString("series_id"),
        rs.getString("period"),
        Rows.instant(rs, "held_since"),
        Rows.instant(rs, "until_at"),
        missing.isEmpty() ? List.of() : Arrays.asList(missing.split(",")),
        Rows.instant(rs, "checked_at"),
        Rows.optionalInstant(rs, "released_at"),
        rs.getString("released_as"));
  }
}
