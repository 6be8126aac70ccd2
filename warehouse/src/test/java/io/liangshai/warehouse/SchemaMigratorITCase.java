package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaMigratorITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @Test
  void appliesEveryVersionOnceAndIsANoOpTheSecondTime() throws Exception {
    try (Connection c = CLICKHOUSE.connect()) {
      SchemaMigrator.migrate(c);
      assertThat(SchemaMigrator.migrate(c)).as("a second run applies nothing").isEmpty();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT count(), uniqExact(version) FROM schema_migrations")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.index().size());
        assertThat(rs.getInt(2)).isEqualTo(SchemaMigrator.index().size());
      }
      assertThat(CLICKHOUSE.tables())
          .contains(
              "api_keys",
              "audit_log",
              "batches",
              "processed_batches",
              "case_facts",
              "tenant_period_counts",
              "quarantine",
              "schema_migrations");
    }
  }

  @Test
  void warehouseOpenMigratesAndReportsHealth() throws Exception {
    try (Warehouse w = Warehouse.open(CLICKHOUSE.jdbcUrl())) {
      assertThat(w.isHealthy()).isTrue();
      try (Connection c = w.connect();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count() FROM schema_migrations")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.index().size());
      }
    }
  }
}
