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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ClickHouse table {@code case_facts} (V002): the current facts of every case, the greatest {@code
 * version} winning. It owns the table's column names, the insert the stream job's sink binds by
 * name ({@link #INSERT}) and the reader of a drill-down row ({@link #read}); every other class
 * names its columns through these constants.
 */
public final class CaseFactsTable {

  public static final String TABLE = "case_facts";

  public static final String TENANT_CODE = "tenant_code";
  public static final String CASE_ID = "case_id";

  /** The case's tenant, its city and the province: every tenant it counts for. */
  public static final String ANCESTORS = "ancestors";

  public static final String UPDATED_AT = "updated_at";
  public static final String ENTERPRISE_USCC = "enterprise_uscc";
  public static final String ENTERPRISE_NAME = "enterprise_name";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String STATUS = "status";
  public static final String RECEIVED_AT = "received_at";

  /** The effective deadline: given, or derived from working days. */
  public static final String DEADLINE = "deadline";

  public static final String DEADLINE_DERIVED = "deadline_derived";
  public static final String CLOSED_AT = "closed_at";
  public static final String ESCALATION_LEVEL = "escalation_level";
  public static final String REASSIGNED_COUNT = "reassigned_count";
  public static final String LEADER_INSTRUCTED = "leader_instructed";
  public static final String SATISFACTION = "satisfaction";
  public static final String DESCRIPTION = "description";
  public static final String RECURRENCE = "recurrence";
  public static final String OVERDUE_CLOSED = "overdue_closed";
  public static final String PERIOD_MONTH = "period_month";
  public static final String PERIOD_QUARTER = "period_quarter";
  public static final String PERIOD_YEAR = "period_year";
  public static final String PERIOD_WEEK = "period_week";
  public static final String VERSION = "version";

  /** Every column, in the table's order. */
  public static final NamedInsert INSERT =
      new NamedInsert(
          TABLE,
          TENANT_CODE,
          CASE_ID,
          ANCESTORS,
          UPDATED_AT,
          ENTERPRISE_USCC,
          ENTERPRISE_NAME,
          CHANNEL,
          CATEGORY,
          STATUS,
          RECEIVED_AT,
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
          VERSION);

  /** The columns {@link #read} reads, for a SELECT list: all but the job's bookkeeping. */
  public static final String ROW_COLUMNS =
      INSERT.columns().stream()
          .filter(
              c ->
                  !Set.of(
                          ANCESTORS,
                          PERIOD_MONTH,
                          PERIOD_QUARTER,
                          PERIOD_YEAR,
                          PERIOD_WEEK,
                          VERSION)
                      .contains(c))
          .collect(Collectors.joining(", "));

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private CaseFactsTable() {}

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
        rs.getString(TENANT_CODE),
        rs.getString(CASE_ID),
        instant(rs, UPDATED_AT),
        rs.getString(ENTERPRISE_USCC),
        rs.getString(ENTERPRISE_NAME),
        rs.getString(CHANNEL),
        rs.getString(CATEGORY),
        rs.getString(STATUS),
        instant(rs, RECEIVED_AT),
        instant(rs, DEADLINE),
        rs.getInt(DEADLINE_DERIVED) == 1,
        instant(rs, CLOSED_AT),
        rs.getString(ESCALATION_LEVEL),
        rs.getInt(REASSIGNED_COUNT),
        rs.getInt(LEADER_INSTRUCTED) == 1,
        rs.getString(SATISFACTION),
        rs.getString(DESCRIPTION),
        rs.getInt(RECURRENCE) == 1,
        overdue);
  }

  /** A timestamp column of {@code rs}, or null where it is NULL. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
