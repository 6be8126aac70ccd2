package io.liangshai.warehouse;

import io.liangshai.core.indicator.IndicatorCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * ClickHouse table {@code tenant_period_counts} (V002): SPEC §3 counts of one tenant and period as
 * the stream job keeps them, the greatest {@code version} winning. It owns the table's column
 * names, the insert the job's sink binds by name ({@link #bind}) and the reader of a row's counts
 * ({@link #readCounts}); every other class names its columns through these constants.
 */
public final class TenantPeriodCountsTable {

  public static final String TABLE = "tenant_period_counts";

  public static final String PERIOD_KIND = "period_kind";
  public static final String PERIOD = "period";
  public static final String TENANT_CODE = "tenant_code";
  public static final String RECEIVED = "received";
  public static final String CLOSED = "closed";
  public static final String OVERDUE_CLOSED = "overdue_closed";
  public static final String RECURRENCES = "recurrences";
  public static final String RATED = "rated";
  public static final String SATISFIED = "satisfied";
  public static final String DISSATISFIED = "dissatisfied";
  public static final String REASSIGNED = "reassigned";
  public static final String LEADER_INSTRUCTED = "leader_instructed";
  public static final String ESCALATED = "escalated";
  public static final String VERSION = "version";

  /** The columns of {@link IndicatorCounts}, in the order of its components. */
  public static final List<String> COUNTS =
      List.of(
          RECEIVED,
          CLOSED,
          OVERDUE_CLOSED,
          RECURRENCES,
          RATED,
          SATISFIED,
          DISSATISFIED,
          REASSIGNED,
          LEADER_INSTRUCTED,
          ESCALATED);

  /** Every column, in the table's order. */
  public static final NamedInsert INSERT =
      new NamedInsert(
          TABLE,
          Stream.of(List.of(PERIOD_KIND, PERIOD, TENANT_CODE), COUNTS, List.of(VERSION))
              .flatMap(List::stream)
              .toArray(String[]::new));

  private TenantPeriodCountsTable() {}

  /** {@code c1, c2, …} of {@link #COUNTS}, for a SELECT list. */
  public static String countColumns() {
    return String.join(", ", COUNTS);
  }

  /** A period kind as the table stores it: {@code month}, {@code quarter}, {@code year}, … */
  public static String kind(String periodKind) {
    return periodKind.toLowerCase(Locale.ROOT);
  }

  /**
   * Binds one row to {@code ps} (prepared from {@code INSERT.sql()}).
   *
   * @param periodKind a {@code PeriodKind}'s name, in any case
   */
  public static PreparedStatement bind(
      PreparedStatement ps,
      String periodKind,
      String period,
      String tenant,
      IndicatorCounts c,
      long version)
      throws SQLException {
    return INSERT
        .bind(ps)
        .set(PERIOD_KIND, kind(periodKind))
        .set(PERIOD, period)
        .set(TENANT_CODE, tenant)
        .set(RECEIVED, c.received())
        .set(CLOSED, c.closed())
        .set(OVERDUE_CLOSED, c.overdueClosed())
        .set(RECURRENCES, c.recurrences())
        .set(RATED, c.rated())
        .set(SATISFIED, c.satisfied())
        .set(DISSATISFIED, c.dissatisfied())
        .set(REASSIGNED, c.reassigned())
        .set(LEADER_INSTRUCTED, c.leaderInstructed())
        .set(ESCALATED, c.escalated())
        .set(VERSION, version)
        .done();
  }

  /** The counts of the current row of {@code rs}, read by column name ({@link #COUNTS}). */
  public static IndicatorCounts readCounts(ResultSet rs) throws SQLException {
    return new IndicatorCounts(
        rs.getLong(RECEIVED),
        rs.getLong(CLOSED),
        rs.getLong(OVERDUE_CLOSED),
        rs.getLong(RECURRENCES),
        rs.getLong(RATED),
        rs.getLong(SATISFIED),
        rs.getLong(DISSATISFIED),
        rs.getLong(REASSIGNED),
        rs.getLong(LEADER_INSTRUCTED),
        rs.getLong(ESCALATED));
  }
}
