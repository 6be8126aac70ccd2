package io.liangshai.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster form of every migration, parsed by the real engine ({@code formatQuery}): a cluster
 * of several servers with Keeper cannot run on one machine, so what is held here is that every
 * statement is valid ClickHouse SQL with the intended engines, sharding keys and tables, not that a
 * cluster executes it.
 */
class ClickHouseLayoutITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final ClickHouseLayout CLUSTER = ClickHouseLayout.cluster("liangshai");
  private static final Pattern CREATED = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) ");

  @Test
  void everyMigrationStatementHasAClusterFormTheEngineParses() throws Exception {
    List<String> cluster = CLUSTER.statements(SchemaMigrator.allStatements());

    assertThat(cluster).hasSizeGreaterThan(SchemaMigrator.allStatements().size());
    List<String> parsed = formatted(cluster);
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(parsed.get(i)).as("parsed: %s", cluster.get(i)).contains("ON CLUSTER liangshai");
    }
  }

  @Test
  void aCaseAndEveryOneOfItsVersionsStayOnOneShard() throws Exception {
    String caseFacts = createStatementOf("case_facts");

    List<String> forms = formatted(CLUSTER.statements(caseFacts));

    assertThat(forms).hasSize(2);
    assertReplicatedOnCluster(forms.get(0), "case_facts_local", "{shard}")
        .contains("ORDER BY (tenant_code, case_id)");
    assertThat(forms.get(1))
        .startsWith(
            "CREATE TABLE IF NOT EXISTS case_facts ON CLUSTER liangshai AS case_facts_local")
        .contains(
            "ENGINE = Distributed('liangshai', currentDatabase(), 'case_facts_local',"
                + " cityHash64(tenant_code, case_id))");
  }

  @Test
  void everyAcceptedVersionOfACaseIsShardedWithTheCase() {
    List<String> forms = CLUSTER.statements(createStatementOf("case_versions"));

    assertThat(forms.get(1)).endsWith("cityHash64(tenant_code, case_id))");
  }

  @Test
  void smallTablesAreReplicatedWholeNotSharded() throws Exception {
    List<String> forms = formatted(CLUSTER.statements(createStatementOf("tenant_period_counts")));

    assertThat(forms).hasSize(1);
    assertReplicatedOnCluster(forms.get(0), "tenant_period_counts", "all")
        .doesNotContain("Distributed");
  }

  @Test
  void theClusterFormsCreateEveryTableTheOneServerSchemaHas() throws Exception {
    try (Connection c = CLICKHOUSE.connect()) {
      SchemaMigrator.migrate(c);
    }
    Set<String> oneServer = new TreeSet<>(CLICKHOUSE.tables());
    Set<String> clusterTables = new TreeSet<>();
    for (String statement : CLUSTER.statements(SchemaMigrator.allStatements())) {
      Matcher m = CREATED.matcher(statement);
      if (m.find() && !m.group(1).endsWith("_local")) {
        clusterTables.add(m.group(1));
      }
    }

    assertThat(clusterTables).isEqualTo(oneServer);
  }

  @Test
  void oneServerRunsTheMigrationsAsWritten() {
    List<String> written = SchemaMigrator.allStatements();

    assertThat(ClickHouseLayout.SINGLE_SERVER.statements(written)).isEqualTo(written);
    assertThat(ClickHouseLayout.SINGLE_SERVER.jdbcUrl("jdbc:ch://h:8123/db"))
        .isEqualTo("jdbc:ch://h:8123/db");
  }

  @Test
  void connectionsOnAClusterInsertIntoDistributedTablesSynchronously() throws Exception {
    assertThat(syncInserts(CLUSTER.jdbcUrl(CLICKHOUSE.jdbcUrl()))).isTrue();
    assertThat(syncInserts(ClickHouseLayout.SINGLE_SERVER.jdbcUrl(CLICKHOUSE.jdbcUrl()))).isFalse();
  }

  private static boolean syncInserts(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT toUInt8(getSetting('insert_distributed_sync'))")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  @Test
  void aStatementWithNoKnownClusterFormIsRefusedNotPassedThrough() {
    assertThatThrownBy(() -> CLUSTER.statements("DROP TABLE case_facts"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DROP TABLE case_facts");
    assertThatThrownBy(() -> ClickHouseLayout.cluster("x'); DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIANGSHAI_CLICKHOUSE_CLUSTER");
  }

  /**
   * {@code form} creates {@code table} on the cluster as a replicated table whose replicas' Keeper
   * path is under {@code shard} ({@code {shard}} for a shard's part, {@code all} for a table
   * replicated whole).
   */
  private static AbstractStringAssert<?> assertReplicatedOnCluster(
      String form, String table, String shard) {
    return assertThat(form)
        .startsWith("CREATE TABLE IF NOT EXISTS " + table + " ON CLUSTER liangshai")
        .contains(
            "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/"
                + shard
                + "/{database}/"
                + table
                + "', '{replica}', version)");
  }

  private static String createStatementOf(String table) {
    List<String> found = new ArrayList<>();
    for (String s : SchemaMigrator.allStatements()) {
      if (s.startsWith("CREATE TABLE IF NOT EXISTS " + table + "\n")) {
        found.add(s);
      }
    }
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** {@code statements} as the engine parses and prints them, each on one line. */
  private static List<String> formatted(List<String> statements) throws SQLException {
    List<String> parsed = new ArrayList<>();
    try (Connection c = CLICKHOUSE.connect();
        PreparedStatement ps = c.prepareStatement("SELECT formatQuerySingleLine(?)")) {
      for (String statement : statements) {
        ps.setString(1, statement);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          parsed.add(rs.getString(1));
        }
      }
    }
    return parsed;
  }
}
