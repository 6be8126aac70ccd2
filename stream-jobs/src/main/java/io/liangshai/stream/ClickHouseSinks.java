package io.liangshai.stream;

import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.CaseVersionsTable;
import io.liangshai.warehouse.ClickHouseTimeouts;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The job's writers into ClickHouse through flink-connector-jdbc and clickhouse-jdbc. They are
 * at-least-once; the tables are ReplacingMergeTree by version, so a replayed row changes nothing.
 * Each binds its rows by column name through the table's class in {@code warehouse}.
 */
public final class ClickHouseSinks {

  private ClickHouseSinks() {}

  /** The job's sinks, into the ClickHouse at {@code jdbcUrl}. */
  public static JobSinks of(String jdbcUrl) {
    return new JobSinks(counts(jdbcUrl), facts(jdbcUrl), quarantine(jdbcUrl), versions(jdbcUrl));
  }

  private static JdbcSink<CountRow> counts(String jdbcUrl) {
    return sink(jdbcUrl, TenantPeriodCountsTable.INSERT.sql(), ClickHouseSinks::bindCounts);
  }

  private static JdbcSink<CaseFactRow> facts(String jdbcUrl) {
    return sink(jdbcUrl, CaseFactsTable.INSERT.sql(), ClickHouseSinks::bindFacts);
  }

  /**
   * Rows for {@code quarantine}: like the others flushed at every checkpoint, so a batch marked
   * processed has its quarantine rows stored; a replay rewrites the same key.
   */
  private static JdbcSink<QuarantinedLine> quarantine(String jdbcUrl) {
    return sink(jdbcUrl, QuarantineTable.INSERT, QuarantineTable::bind);
  }

  /** Rows for {@code case_versions}: every accepted version; a replay rewrites the same key. */
  private static JdbcSink<VersionRow> versions(String jdbcUrl) {
    return sink(jdbcUrl, CaseVersionsTable.INSERT.sql(), ClickHouseSinks::bindVersion);
  }

  static void bindVersion(PreparedStatement ps, VersionRow v) throws SQLException {
    CaseVersionsTable.bind(ps, v.record(), v.batchId(), v.ancestors(), v.month());
  }

  static void bindCounts(PreparedStatement ps, CountRow row) throws SQLException {
    TenantPeriodCountsTable.bind(
        ps, row.periodKind(), row.period(), row.tenant(), row.counts(), row.version());
  }

  static void bindFacts(PreparedStatement ps, CaseFactRow f) throws SQLException {
    CaseFactsTable.bind(ps, f.record(), f.derived());
  }

  /** An at-least-once sink of {@code sql}, binding each row with {@code binder}. */
  private static <T> JdbcSink<T> sink(String jdbcUrl, String sql, JdbcStatementBuilder<T> binder) {
    return JdbcSink.<T>builder()
        .withQueryStatement(sql, binder)
        .withExecutionOptions(execution())
        .buildAtLeastOnce(connection(jdbcUrl));
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
