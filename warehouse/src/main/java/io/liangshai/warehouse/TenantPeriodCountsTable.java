package io.liangshai.warehouse;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ClickHouse table {@code tenant_period_counts} (V002): SPEC §3 counts of one tenant and period as
 * the stream job keeps them, the greatest {@code version} winning. It owns the table's column
 * names, the insert the job's sink binds by name ({@link #bind}) and the reader of a row's counts
 * ({@link #readCounts}); its constants are the table's columns, in their order, and every other
 * class names a column through them.
 */
public enum TenantPeriodCountsTable implements Column {
  PERIOD_KIND,
  PERIOD,
  TENANT_CODE,
  RECEIVED,
  CLOSED,
  OVERDUE_CLOSED,
  RECURRENCES,
  RATED,
  SATISFIED,
  DISSATISFIED,
  REASSIGNED,
  LEADER_INSTRUCTED,
  ESCALATED,
  VERSION;

  /** The columns of {@link IndicatorCounts}, in the order of its components. */
  public static final List<String> COUNTS =
      IndicatorCounts.COUNTS.stream().map(count -> column(count).sql()).toList();

  public static final String TABLE = "tenant_period_counts";

  /** Every column, in the table's order. */
  public static final NamedInsert<TenantPeriodCountsTable> INSERT =
      new NamedInsert<>(TABLE, TenantPeriodCountsTable.class);

  /** The column's name in SQL. */
  @Override
  public String toString() {
    return sql();
  }

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
    NamedInsert<TenantPeriodCountsTable>.Binding row =
        INSERT
            .bind(ps)
            .set(PERIOD_KIND, kind(periodKind))
            .set(PERIOD, period)
            .set(TENANT_CODE, tenant)
            .set(VERSION, version);
    for (Indicator count : IndicatorCounts.COUNTS) {
      row.set(column(count), c.get(count));
    }
    return row.done();
  }

  /** The counts of the current row of {@code rs}, read by column name ({@link #COUNTS}). */
  public static IndicatorCounts readCounts(ResultSet rs) throws SQLException {
    Map<Indicator, Long> counts = new EnumMap<>(Indicator.class);
    for (Indicator count : IndicatorCounts.COUNTS) {
      counts.put(count, rs.getLong(column(count).sql()));
    }
    return IndicatorCounts.of(counts::get);
  }

  /** The column of {@code count}, one of {@link IndicatorCounts#COUNTS}: it has its name. */
  private static TenantPeriodCountsTable column(Indicator count) {
    return valueOf(count.name());
  }
}
