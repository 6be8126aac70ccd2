package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.warehouse.ClickHouseTimeouts;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The job's writers into ClickHouse through flink-connector-jdbc and clickhouse-jdbc. They are
 * at-least-once; the tables are ReplacingMergeTree by version, so a replayed row changes nothing.
 */
public final class ClickHouseSinks {

  static final String INSERT_COUNTS =
      "INSERT INTO tenant_period_counts (period_kind, period, tenant_code, received, closed,"
          + " overdue_closed, recurrences, rated, satisfied, dissatisfied, reassigned,"
          + " leader_instructed, escalated, version) VALUES"
          + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String INSERT_FACTS =
      "INSERT INTO case_facts (tenant_code, case_id, ancestors, updated_at, enterprise_uscc,"
          + " enterprise_name, channel, category, status, received_at, deadline, deadline_derived,"
          + " closed_at, escalation_level, reassigned_count, leader_instructed, satisfaction,"
          + " description, recurrence, overdue_closed, period_month, period_quarter, period_year,"
          + " period_week, version) VALUES"
          + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private ClickHouseSinks() {}

  public static JdbcSink<CountRow> counts(String jdbcUrl) {
    return JdbcSink.<CountRow>builder()
        .withQueryStatement(INSERT_COUNTS, ClickHouseSinks::bindCounts)
        .withExecutionOptions(execution())
        .buildAtLeastOnce(connection(jdbcUrl));
  }

  public static JdbcSink<CaseFactRow> facts(String jdbcUrl) {
    return JdbcSink.<CaseFactRow>builder()
        .withQueryStatement(INSERT_FACTS, ClickHouseSinks::bindFacts)
        .withExecutionOptions(execution())
        .buildAtLeastOnce(connection(jdbcUrl));
  }

  /**
   * Rows for {@code quarantine}: like the others flushed at every checkpoint, so a batch marked
   * processed has its quarantine rows stored; a replay rewrites the same key.
   */
  public static JdbcSink<QuarantinedLine> quarantine(String jdbcUrl) {
    return JdbcSink.<QuarantinedLine>builder()
        .withQueryStatement(QuarantineTable.INSERT, QuarantineTable::bind)
        .withExecutionOptions(execution())
        .buildAtLeastOnce(connection(jdbcUrl));
  }

  static void bindCounts(PreparedStatement ps, CountRow row) throws SQLException {
    IndicatorCounts c = row.counts();
    ps.setString(1, row.periodKind().toLowerCase(java.util.Locale.ROOT));
    ps.setString(2, row.period());
    ps.setString(3, row.tenant());
    ps.setLong(4, c.received());
    ps.setLong(5, c.closed());
    ps.setLong(6, c.overdueClosed());
    ps.setLong(7, c.recurrences());
    ps.setLong(8, c.rated());
    ps.setLong(9, c.satisfied());
    ps.setLong(10, c.dissatisfied());
    ps.setLong(11, c.reassigned());
    ps.setLong(12, c.leaderInstructed());
    ps.setLong(13, c.escalated());
    ps.setLong(14, row.version());
  }

  static void bindFacts(PreparedStatement ps, CaseFactRow f) throws SQLException {
    CaseRecord r = f.record();
    ps.setString(1, r.tenantCode());
    ps.setString(2, r.caseId());
    ps.setObject(3, f.ancestors());
    ps.setString(4, timestamp(r.updatedAt()));
    ps.setString(5, r.enterpriseUscc());
    ps.setString(6, r.enterpriseName());
    ps.setString(7, r.channel().wireName());
    ps.setString(8, r.category().wireName());
    ps.setString(9, r.status().wireName());
    ps.setString(10, timestamp(r.receivedAt()));
    ps.setString(11, timestamp(f.deadline()));
    ps.setInt(12, f.deadlineDerived() ? 1 : 0);
    ps.setString(13, r.closedAt() == null ? null : timestamp(r.closedAt()));
    ps.setString(14, r.escalationLevel().wireName());
    ps.setInt(15, r.reassignedCount());
    ps.setInt(16, r.leaderInstructed() ? 1 : 0);
    ps.setString(17, r.satisfaction() == null ? null : r.satisfaction().wireName());
    ps.setString(18, r.description());
    ps.setInt(19, f.recurrence() ? 1 : 0);
    ps.setInt(20, f.overdueClosed() ? 1 : 0);
    ps.setString(21, f.month());
    ps.setString(22, f.quarter());
    ps.setString(23, f.year());
    ps.setString(24, f.week());
    ps.setLong(25, f.version());
  }

  /** An instant as ClickHouse reads it into a {@code DateTime64(6, 'UTC')} column. */
  static String timestamp(Instant instant) {
    return MICROS.format(instant);
  }

  private static JdbcExecutionOptions execution() {
    return JdbcExecutionOptions.builder()
        .withBatchSize(10_000)
        .withBatchIntervalMs(300)
        .withMaxRetries(3)
        .build();
  }

  /**
   * The driver's connect and socket timeouts ({@link ClickHouseTimeouts}) and a short connection
   * check: a hanging ClickHouse fails the sink, and Flink restarts the job from its checkpoint.
   */
  private static JdbcConnectionOptions connection(String jdbcUrl) {
    return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(ClickHouseTimeouts.apply(jdbcUrl))
        .withDriverName("com.clickhouse.jdbc.ClickHouseDriver")
        .withConnectionCheckTimeoutSeconds(ClickHouseTimeouts.validationSeconds())
        .build();
  }
}
