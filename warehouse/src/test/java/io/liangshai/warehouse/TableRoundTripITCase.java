package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.warehouse.figures.CaseFactRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A row bound by column name through a table class reads back the same through its reader. */
class TableRoundTripITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final Instant RECEIVED = Instant.parse("2024-01-02T01:00:00.123456Z");

  @BeforeAll
  static void migrate() throws Exception {
    try (Connection c = CLICKHOUSE.connect()) {
      SchemaMigrator.migrate(c);
    }
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
        assertThat(rs.getString(TenantPeriodCountsTable.PERIOD_KIND)).isEqualTo("month");
        assertThat(rs.getLong(TenantPeriodCountsTable.VERSION)).isEqualTo(3);
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
}
