package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official clickhouse-jdbc driver, unchanged, against the local ClickHouse. */
class JdbcDriverITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void createsDescribesAndDropsTables() throws SQLException {
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ddl (id UInt64, name LowCardinality(String)) ENGINE = Memory");
      s.execute("ALTER TABLE ddl ADD COLUMN score Float64 DEFAULT 0");
      try (ResultSet rs = s.executeQuery("DESCRIBE TABLE ddl")) {
        List<String> columns = new ArrayList<>();
        while (rs.next()) {
          columns.add(rs.getString("name") + " " + rs.getString("type"));
        }
        assertThat(columns)
            .containsExactly("id UInt64", "name LowCardinality(String)", "score Float64");
      }
      s.execute("DROP TABLE ddl");
      try (ResultSet rs = s.executeQuery("EXISTS TABLE ddl")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void batchInsertsOneHundredThousandRowsIntoMergeTree() throws SQLException {
    int rows = 100_000;
    try (Connection c =
        connectWithTable(
            "CREATE TABLE cases (id UInt32, tenant String, received DateTime, amount Float64)"
                + " ENGINE = MergeTree ORDER BY (tenant, id)")) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO cases (id, tenant, received, amount) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          ps.setInt(1, i);
          ps.setString(2, "tenant-" + (i % 7));
          ps.setTimestamp(3, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
          ps.setDouble(4, i * 0.5);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      firstRow(
          c,
          "SELECT count(), uniqExact(tenant), sum(amount), max(id) FROM cases",
          rs -> {
            assertThat(rs.getLong(1)).isEqualTo(rows);
            assertThat(rs.getLong(2)).isEqualTo(7);
            assertThat(rs.getDouble(3)).isEqualTo(0.5 * rows * (rows - 1) / 2);
            assertThat(rs.getLong(4)).isEqualTo(rows - 1);
          });
    }
  }

  @Test
  void batchInsertsThroughTheDriversRowBinaryWriter() throws SQLException {
    // beta.row_binary_for_simple_insert: the driver sends INSERT ... FORMAT RowBinary + bytes.
    int rows = 100_000;
    String url = CLICKHOUSE.jdbcUrl() + "&beta.row_binary_for_simple_insert=true";
    try (Connection c = DriverManager.getConnection(url)) {
      execute(
          c,
          "CREATE TABLE binary_cases (id UInt32, note Nullable(String), at DateTime64(3, 'UTC'))"
              + " ENGINE = MergeTree ORDER BY id");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO binary_cases VALUES (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          ps.setInt(1, i);
          ps.setString(2, i % 10 == 0 ? null : "备注\n\n" + i);
          ps.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(1_700_000_000_000L + i)));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      firstRow(
          c,
          "SELECT count(), countIf(note IS NULL), max(toUnixTimestamp64Milli(at)),"
              + " anyIf(note, id = 7) FROM binary_cases",
          rs -> {
            assertThat(rs.getLong(1)).isEqualTo(rows);
            assertThat(rs.getLong(2)).isEqualTo(rows / 10);
            assertThat(rs.getLong(3)).isEqualTo(1_700_000_000_000L + rows - 1);
            assertThat(rs.getString(4)).isEqualTo("备注\n\n7");
          });
    }
  }

  @Test
  void replacingMergeTreeFinalKeepsTheLatestVersion() throws SQLException {
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE case_state (id UInt32, status String, version UInt32)"
              + " ENGINE = ReplacingMergeTree(version) ORDER BY id");
      s.execute("INSERT INTO case_state VALUES (1, 'received', 1), (2, 'received', 1)");
      s.execute("INSERT INTO case_state VALUES (1, 'closed', 2)");
      try (ResultSet rs = s.executeQuery("SELECT id, status FROM case_state FINAL ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("closed");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("received");
        assertThat(rs.next()).isFalse();
      }
      // unmerged parts until FINAL or a merge
      assertThat(count(c, "SELECT count() FROM case_state")).isEqualTo(3);
    }
  }

  @Test
  void roundTripsChineseStringsThroughParametersAndLiterals() throws SQLException {
    String name = "晾晒：办结率 \"引号\" 'apostrophe' \\ 换行\n\n结束";
    try (Connection c = CLICKHOUSE.connect()) {
      execute(c, "CREATE TABLE names (id UInt8, name String) ENGINE = Memory");
      execute(c, "INSERT INTO names VALUES (1, '企业问题闭环')");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO names VALUES (?, ?)")) {
        ps.setInt(1, 2);
        ps.setString(2, name);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM names WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(2);
        }
      }
      firstRow(
          c,
          "SELECT name FROM names ORDER BY id",
          rs -> {
            assertThat(rs.getString(1)).isEqualTo("企业问题闭环");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(name);
          });
    }
  }

  @Test
  void readsAndWritesNullableColumns() throws SQLException {
    try (Connection c =
        connectWithTable(
            "CREATE TABLE closures (id UInt8, closed_days Nullable(Int32), note Nullable(String))"
                + " ENGINE = Memory")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO closures VALUES (?, ?, ?)")) {
        ps.setInt(1, 1);
        ps.setNull(2, Types.INTEGER);
        ps.setNull(3, Types.VARCHAR);
        ps.addBatch();
        ps.setInt(1, 2);
        ps.setInt(2, 12);
        ps.setString(3, "按期办结");
        ps.addBatch();
        ps.executeBatch();
      }
      firstRow(
          c,
          "SELECT closed_days, note, countIf(closed_days IS NULL) OVER ()"
              + " FROM closures ORDER BY id",
          rs -> {
            assertThat(rs.getInt(1)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString(2)).isNull();
            assertThat(rs.getLong(3)).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(12);
            assertThat(rs.getString(2)).isEqualTo("按期办结");
          });
    }
  }

  @Test
  void roundTripsDateTime64InShanghaiTime() throws SQLException {
    Instant instant = Instant.parse("2026-03-08T16:30:45.123Z");
    try (Connection c =
        connectWithTable(
            "CREATE TABLE received (id UInt8, at DateTime64(3, 'Asia/Shanghai'))"
                + " ENGINE = MergeTree ORDER BY id")) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO received VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setObject(2, ZonedDateTime.ofInstant(instant, SHANGHAI));
        ps.executeUpdate();
      }
      firstRow(
          c,
          "SELECT at, toString(at), toUnixTimestamp64Milli(at) FROM received",
          rs -> {
            assertThat(rs.getObject(1, ZonedDateTime.class).toInstant()).isEqualTo(instant);
            assertThat(rs.getString(2)).isEqualTo("2026-03-09 00:30:45.123");
            assertThat(rs.getLong(3)).isEqualTo(instant.toEpochMilli());
            assertThat(rs.getObject(1, LocalDateTime.class))
                .isEqualTo(LocalDateTime.ofInstant(instant, SHANGHAI));
          });
    }
  }

  @Test
  void failingQueryRaisesSqlExceptionWithTheServerMessage() throws SQLException {
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Code: 60")
          .hasMessageContaining("no_such_table");
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue(); // the connection is still usable
      }
    }
  }

  @Test
  void boundParametersReachTheEngine() throws SQLException {
    try (Connection c = CLICKHOUSE.connect();
        PreparedStatement ps = c.prepareStatement("SELECT ? + 1, concat(?, '!'), toDate(?) + 1")) {
      ps.setInt(1, 41);
      ps.setString(2, "Robert'); DROP TABLE students;--");
      ps.setString(3, "2026-02-28");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(42);
        assertThat(rs.getString(2)).isEqualTo("Robert'); DROP TABLE students;--!");
        assertThat(rs.getString(3)).isEqualTo("2026-03-01");
      }
    }
  }

  @Test
  void concurrentClientsEachGetTheirOwnAnswers() throws Exception {
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> answers = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int k = client;
        Callable<List<Long>> work =
            () -> {
              List<Long> sums = new ArrayList<>();
              try (Connection c = CLICKHOUSE.connect();
                  Statement s = c.createStatement()) {
                for (int round = 0; round < 20; round++) {
                  long n = 1000L * k + round;
                  try (ResultSet rs =
                      s.executeQuery("SELECT sum(number) FROM numbers(" + n + ")")) {
                    rs.next();
                    sums.add(rs.getLong(1) - n * (n - 1) / 2);
                  }
                }
              }
              return sums;
            };
        answers.add(pool.submit(work));
      }
      for (Future<List<Long>> answer : answers) {
        assertThat(answer.get()).hasSize(20).containsOnly(0L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void survivesSynchronousDrops() throws SQLException {
    // libchdb 26.5 crashes on DROP ... SYNC; the front runs it as a plain drop.
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dropped (id UInt8) ENGINE = MergeTree ORDER BY id");
      s.execute("DROP TABLE IF EXISTS dropped SYNC");
      s.execute("CREATE TABLE dropped (id UInt8) ENGINE = MergeTree ORDER BY id");
      assertThat(count(c, "SELECT count() FROM dropped")).isZero();
    }
  }

  @Test
  void emptyResultsStillDescribeTheirColumns() throws SQLException {
    try (Connection c = CLICKHOUSE.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT number AS n, toString(number) AS s FROM numbers(10) WHERE n > 99")) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
      assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("s");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void usesTheDatabaseOfTheUrl() throws SQLException {
    try (Connection c = CLICKHOUSE.connect()) {
      firstRow(
          c,
          "SELECT currentDatabase()",
          rs -> assertThat(rs.getString(1)).isEqualTo(CLICKHOUSE.database()));
    }
  }

  /** An assertion on a result set, standing on a row. */
  private interface RowCheck {
    void accept(ResultSet rs) throws SQLException;
  }

  /** A connection to the test database, in which {@code ddl} has created a table. */
  private static Connection connectWithTable(String ddl) throws SQLException {
    Connection c = CLICKHOUSE.connect();
    try {
      execute(c, ddl);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Runs {@code sql}, asserts it has a row and hands the result on its first row to {@code check}.
   */
  private static void firstRow(Connection c, String sql, RowCheck check) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      check.accept(rs);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    long[] n = new long[1];
    firstRow(c, sql, rs -> n[0] = rs.getLong(1));
    return n[0];
  }
}
