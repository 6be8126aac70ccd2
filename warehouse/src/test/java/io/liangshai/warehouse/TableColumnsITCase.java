package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each table class lists exactly the columns the migrations create, in their order: a column added
 * to a {@code V*.sql} file and not to its class (or the reverse) fails here, not in production.
 */
class TableColumnsITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @BeforeAll
  static void migrate() throws Exception {
    try (Connection c = CLICKHOUSE.connect()) {
      SchemaMigrator.migrate(c);
    }
  }

  @Test
  void caseFactsTableOwnsEveryColumnOfCaseFacts() throws Exception {
    assertThat(CaseFactsTable.INSERT.columns())
        .hasSize(25)
        .containsExactlyElementsOf(columnsOf(CaseFactsTable.TABLE));
  }

  @Test
  void tenantPeriodCountsTableOwnsEveryColumnOfTenantPeriodCounts() throws Exception {
    assertThat(TenantPeriodCountsTable.INSERT.columns())
        .hasSize(14)
        .containsExactlyElementsOf(columnsOf(TenantPeriodCountsTable.TABLE));
  }

  @Test
  void quarantineTableOwnsEveryColumnOfQuarantine() throws Exception {
    assertThat(List.of(QuarantineTable.COLUMNS.split(", ")))
        .containsExactlyElementsOf(columnsOf("quarantine"));
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
