package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.warehouse.figures.CaseFactRow;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each table class against the table the migrations create: it lists exactly its columns, in their
 * order (a column added to a {@code V*.sql} file and not to its class, or the reverse, fails here,
 * not in production), and a row bound by column name reads back equal through its reader.
 */
class TableClassesITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final Instant RECEIVED = Instant.parse("2024-01-02T01:00:00.123456Z");

  @BeforeAll
  static void migrate() throws Exception {
    try (Connection c = CLICKHOUSE.connect()) {
      SchemaMigrator.migrate(c);
    }
  }

  static Stream<Arguments> namedInserts() {
    return Stream.of(
        arguments(CaseFactsTable.TABLE, CaseFactsTable.INSERT, 25),
        arguments(TenantPeriodCountsTable.TABLE, TenantPeriodCountsTable.INSERT, 14),
        arguments(IndicatorValuesTable.TABLE, IndicatorValuesTable.INSERT, 10),
        arguments(CaseVersionsTable.TABLE, CaseVersionsTable.INSERT, 9));
  }

  @ParameterizedTest(name = "the class of {0} owns its {2} columns")
  @MethodSource("namedInserts")
  void aTableClassOwnsEveryColumnOfItsTable(String table, NamedInsert<?> insert, int columns)
      throws Exception {
    assertThat(insert.columns()).hasSize(columns).containsExactlyElementsOf(columnsOf(table));
  }

  @Test
  void quarantineTableOwnsEveryColumnOfQuarantine() throws Exception {
    assertThat(List.of(QuarantineTable.COLUMNS.split(", ")))
        .containsExactlyElementsOf(columnsOf("quarantine"));
  }

  @Test
  void countsWrittenByNameReadBackByName() throws Exception {
    IndicatorCounts counts = new IndicatorCounts(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    try (Connection c = CLICKHOUSE.connect()) {
      try (PreparedStatement ps = c.prepareStatement(TenantPeriodCountsTable.INSERT.sql())) {
        TenantPeriodCountsTable.bind(ps, "MONTH", "2024-01", "330522", counts, 3).executeUpdate();
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT period_kind, version, "
                      + TenantPeriodCountsTable.countColumns()
                      + " FROM tenant_period_counts");
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(TenantPeriodCountsTable.PERIOD_KIND.sql())).isEqualTo("month");
        assertThat(rs.getLong(TenantPeriodCountsTable.VERSION.sql())).isEqualTo(3);
        assertThat(TenantPeriodCountsTable.readCounts(rs)).isEqualTo(counts);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void caseFactsWrittenByNameReadBackAsTheDrillDownRow() throws Exception {
    Instant closed = RECEIVED.plusSeconds(86_400);
    Instant deadline = RECEIVED.plusSeconds(15 * 86_400);
    try (Connection c = CLICKHOUSE.connect()) {
      try (PreparedStatement ps = c.prepareStatement(CaseFactsTable.INSERT.sql())) {
        CaseFactsTable.INSERT
            .bind(ps)
            .set(CaseFactsTable.TENANT_CODE, "330522")
            .set(CaseFactsTable.CASE_ID, "case-1")
            .set(CaseFactsTable.ANCESTORS, new String[] {"330522", "330500", "330000"})
            .set(CaseFactsTable.UPDATED_AT, CaseFactsTable.timestamp(closed))
            .set(CaseFactsTable.ENTERPRISE_USCC, "91350100M000100Y43")
            .set(CaseFactsTable.ENTERPRISE_NAME, (String) null)
            .set(CaseFactsTable.CHANNEL, "hotline_12345")
            .set(CaseFactsTable.CATEGORY, "finance")
            .set(CaseFactsTable.STATUS, "closed")
            .set(CaseFactsTable.RECEIVED_AT, CaseFactsTable.timestamp(RECEIVED))
            .set(CaseFactsTable.DEADLINE, CaseFactsTable.timestamp(deadline))
            .set(CaseFactsTable.DEADLINE_DERIVED, true)
            .set(CaseFactsTable.CLOSED_AT, CaseFactsTable.timestamp(closed))
            .set(CaseFactsTable.ESCALATION_LEVEL, "county")
            .set(CaseFactsTable.REASSIGNED_COUNT, 2)
            .set(CaseFactsTable.LEADER_INSTRUCTED, false)
            .set(CaseFactsTable.SATISFACTION, "satisfied")
            .set(CaseFactsTable.DESCRIPTION, "用地审批")
            .set(CaseFactsTable.RECURRENCE, true)
            .set(CaseFactsTable.OVERDUE_CLOSED, false)
            .set(CaseFactsTable.PERIOD_MONTH, "2024-01")
            .set(CaseFactsTable.PERIOD_QUARTER, "2024-Q1")
            .set(CaseFactsTable.PERIOD_YEAR, "2024")
            .set(CaseFactsTable.PERIOD_WEEK, "2024-W01")
            .set(CaseFactsTable.VERSION, 1)
            .done()
            .executeUpdate();
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + CaseFactsTable.ROW_COLUMNS + " FROM " + CaseFactsTable.TABLE);
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(CaseFactsTable.read(rs, false))
            .isEqualTo(
                new CaseFactRow(
                    "330522",
                    "case-1",
                    closed,
                    "91350100M000100Y43",
                    null,
                    "hotline_12345",
                    "finance",
                    "closed",
                    RECEIVED,
                    deadline,
                    true,
                    closed,
                    "county",
                    2,
                    false,
                    "satisfied",
                    "用地审批",
                    true,
                    false));
      }
    }
  }

  /** The columns of {@code table} in the current database, by position. */
  private static List<String> columnsOf(String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = CLICKHOUSE.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name FROM system.columns WHERE database = currentDatabase()"
                    + " AND table = ? ORDER BY position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    assertThat(names).as("columns of %s after migration", table).isNotEmpty();
    return names;
  }
}
