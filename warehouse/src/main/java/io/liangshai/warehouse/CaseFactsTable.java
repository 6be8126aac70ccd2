package io.liangshai.warehouse;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.warehouse.figures.CaseFactRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * ClickHouse table {@code case_facts} (V002): the current facts of every case, the greatest {@code
 * version} winning. It owns the table's column names, the insert the stream job's sink binds by
 * name ({@link #INSERT}) and the reader of a drill-down row ({@link #read}); its constants are the
 * table's columns, in their order, and every other class names a column through them.
 */
public enum CaseFactsTable implements Column {
  TENANT_CODE,
  CASE_ID,

  /** The case's tenant, its city and the province: every tenant it counts for. */
  ANCESTORS,

  UPDATED_AT,
  ENTERPRISE_USCC,
  ENTERPRISE_NAME,
  CHANNEL,
  CATEGORY,
  STATUS,
  RECEIVED_AT,

  /** The effective deadline: given, or derived from working days. */
  DEADLINE,

  DEADLINE_DERIVED,
  CLOSED_AT,
  ESCALATION_LEVEL,
  REASSIGNED_COUNT,
  LEADER_INSTRUCTED,
  SATISFACTION,
  DESCRIPTION,
  RECURRENCE,
  OVERDUE_CLOSED,
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
  PERIOD_WEEK,
  VERSION;

  /** The columns {@link #read} reads, for a SELECT list: all but the job's bookkeeping. */
  public static final String ROW_COLUMNS =
      EnumSet.complementOf(
              EnumSet.of(
                  ANCESTORS, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR, PERIOD_WEEK, VERSION))
          .stream()
          .map(Column::sql)
          .collect(Collectors.joining(", "));

  public static final String TABLE = "case_facts";

  /** Every column, in the table's order. */
  public static final NamedInsert<CaseFactsTable> INSERT =
      new NamedInsert<>(TABLE, CaseFactsTable.class);

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** The column's name in SQL, so that {@code "… " + STATUS + " = 'closed'"} reads as SQL. */
  @Override
  public String toString() {
    return sql();
  }

  /**
   * What the stream job derives for the latest version of a case, beside the record itself.
   *
   * @param ancestors the case's tenant, its city and the province: every tenant it counts for
   * @param deadline the effective deadline (given, or derived from working days)
   * @param month the case's period of each kind, by {@code received_at} ({@code 2024-01}, ...)
   */
  public record Derived(
      String[] ancestors,
      Instant deadline,
      boolean deadlineDerived,
      boolean recurrence,
      boolean overdueClosed,
      String month,
      String quarter,
      String year,
      String week,
      long version) {}

  /** Binds the row of {@code r}, the latest version of a case, to {@code ps} ({@link #INSERT}). */
  public static PreparedStatement bind(PreparedStatement ps, CaseRecord r, Derived d)
      throws SQLException {
    return INSERT
        .bind(ps)
        .set(TENANT_CODE, r.tenantCode())
        .set(CASE_ID, r.caseId())
        .set(ANCESTORS, d.ancestors())
        .set(UPDATED_AT, timestamp(r.updatedAt()))
        .set(ENTERPRISE_USCC, r.enterpriseUscc())
        .set(ENTERPRISE_NAME, r.enterpriseName())
        .set(CHANNEL, r.channel().wireName())
        .set(CATEGORY, r.category().wireName())
        .set(STATUS, r.status().wireName())
        .set(RECEIVED_AT, timestamp(r.receivedAt()))
        .set(DEADLINE, timestamp(d.deadline()))
        .set(DEADLINE_DERIVED, d.deadlineDerived())
        .set(CLOSED_AT, timestamp(r.closedAt()))
        .set(ESCALATION_LEVEL, r.escalationLevel().wireName())
        .set(REASSIGNED_COUNT, r.reassignedCount())
        .set(LEADER_INSTRUCTED, r.leaderInstructed())
        .set(SATISFACTION, r.satisfaction() == null ? null : r.satisfaction().wireName())
        .set(DESCRIPTION, r.description())
        .set(RECURRENCE, d.recurrence())
        .set(OVERDUE_CLOSED, d.overdueClosed())
        .set(PERIOD_MONTH, d.month())
        .set(PERIOD_QUARTER, d.quarter())
        .set(PERIOD_YEAR, d.year())
        .set(PERIOD_WEEK, d.week())
        .set(VERSION, d.version())
        .done();
  }

  /**
   * An instant as ClickHouse reads it into a {@code DateTime64(6, 'UTC')} column, or null for null.
   */
  public static String timestamp(Instant instant) {
    return instant == null ? null : MICROS.format(instant);
  }

  /**
   * The drill-down row of the current row of {@code rs} (selected with {@link #ROW_COLUMNS}).
   *
   * @param overdue whether the case is overdue at the time of the query
   */
  public static CaseFactRow read(ResultSet rs, boolean overdue) throws SQLException {
    return new CaseFactRow(
        rs.getString(TENANT_CODE.sql()),
        rs.getString(CASE_ID.sql()),
        instant(rs, UPDATED_AT),
        rs.getString(ENTERPRISE_USCC.sql()),
        rs.getString(ENTERPRISE_NAME.sql()),
        rs.getString(CHANNEL.sql()),
        rs.getString(CATEGORY.sql()),
        rs.getString(STATUS.sql()),
        instant(rs, RECEIVED_AT),
        instant(rs, DEADLINE),
        rs.getInt(DEADLINE_DERIVED.sql()) == 1,
        instant(rs, CLOSED_AT),
        rs.getString(ESCALATION_LEVEL.sql()),
        rs.getInt(REASSIGNED_COUNT.sql()),
        rs.getInt(LEADER_INSTRUCTED.sql()) == 1,
        rs.getString(SATISFACTION.sql()),
        rs.getString(DESCRIPTION.sql()),
        rs.getInt(RECURRENCE.sql()) == 1,
        overdue);
  }

  /** A timestamp column of {@code rs}, or null where it is NULL. */
  public static Instant instant(ResultSet rs, Column column) throws SQLException {
    return instant(rs, column.sql());
  }

  /** The timestamp labelled {@code label} in {@code rs}, or null where it is NULL. */
  public static Instant instant(ResultSet rs, String label) throws SQLException {
    Timestamp t = rs.getTimestamp(label);
    return t == null ? null : t.toInstant();
  }
}
