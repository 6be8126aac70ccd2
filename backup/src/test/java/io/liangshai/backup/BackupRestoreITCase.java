package io.liangshai.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of real PostgreSQL, real ClickHouse and a landing zone, restored into empty ones, gives
 * back every row of every table and every accepted file exactly; what it refuses it says why.
 */
class BackupRestoreITCase {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-01T02:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path temp;

  private static PlatformStores source;
  private static PlatformStores target;
  private static Map<String, byte[]> keptFiles;
  private static Path backup;
  private static Manifest manifest;

  @BeforeAll
  static void backUpAndRestore() throws Exception {
    source = PlatformStores.migrated("source", temp.resolve("source-landing"));
    SampleRows.fillClickHouse(source.clickhouseUrl);
    SampleRows.fillPostgres(source.metadata);
    keptFiles = SampleRows.fillLanding(source.landing);
    backup = temp.resolve("backup");
    manifest = Backup.take(source.data(), backup, CLOCK);
    target = PlatformStores.empty("target", temp.resolve("target-landing"));
    Restore.restore(backup, target.data());
  }

  @AfterAll
  static void dropDatabases() throws Exception {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void restoresEveryClickHouseTableExactly() {
    Map<String, List<String>> before = Contents.clickhouse(source.clickhouseUrl);
    assertThat(before.keySet())
        .contains(
            "api_keys", "audit_log", "case_facts", "bulletins", "bulletin_files", "quarantine");
    assertThat(before)
        .allSatisfy(
            (table, rows) -> {
              if (!table.equals("api_key_usage")) {
                assertThat(rows).as(table).isNotEmpty();
              }
            });
    assertThat(Contents.clickhouse(target.clickhouseUrl)).isEqualTo(before);
  }

  @Test
  void aSerialIdContinuesAfterTheRestoredOnes() throws Exception {
    try (java.sql.Connection c = target.metadata.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "INSERT INTO signoffs (tenant_code, period, signed_at, signed_by_tenant,"
                    + " signed_by_key, received, closed, overdue_closed, recurrences, rated,"
                    + " satisfied, dissatisfied, reassigned, leader_instructed, escalated)"
                    + " VALUES ('330382', '2024-01', now(), '330382', 'k3', 0, 0, 0, 0, 0, 0, 0,"
                    + " 0, 0, 0) RETURNING id")) {
      rs.next();
      assertThat(rs.getLong(1)).as("after the restored 7 and 8").isEqualTo(9);
    } finally {
      try (java.sql.Connection c = target.metadata.getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.execute("DELETE FROM signoffs WHERE id = 9");
      }
    }
  }

  @Test
  void restoresThePostgresMetadataExactlyAndLeavesTheVersionIndexToBeRebuilt() throws Exception {
    Map<String, List<String>> before = Contents.postgres(source.metadata);
    Map<String, List<String>> after = Contents.postgres(target.metadata);
    assertThat(before.get("record_versions")).hasSize(1);
    assertThat(after.get("record_versions")).isEmpty();
    assertThat(after.get("committed_batches")).isEmpty();
    before.keySet().removeAll(PostgresTables.REBUILT);
    after.keySet().removeAll(PostgresTables.REBUILT);
    assertThat(before).containsKeys("api_keys", "numbering", "scheme_versions", "bulletin_issues");
    // Of Quartz's tables, the sample holds one schedule: a job, its trigger, its cron trigger
    // (each referencing the one before); the rest are filled by a running scheduler only.
    assertThat(before)
        .allSatisfy(
            (table, rows) -> {
              if (!table.startsWith("qrtz_")
                  || List.of("qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers")
                      .contains(table)) {
                assertThat(rows).as(table).isNotEmpty();
              }
            });
    assertThat(after).isEqualTo(before);
  }

  @Test
  void restoresEveryAcceptedLandingFileAndOnlyWholeJournalLines() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : keptFiles.entrySet()) {
      Path file = temp.resolve("expected").resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
      expected.put(e.getKey(), Digest.of(file));
    }
    assertThat(Contents.files(target.landing)).isEqualTo(expected);
  }

  @Test
  void manifestCountsRowsAndNamesSchemaVersions() throws Exception {
    Manifest read = Restore.verify(backup);
    assertThat(read).isEqualTo(manifest);
    assertThat(read.clickhouseSchema()).isNotEmpty();
    assertThat(read.postgresSchema()).isNotBlank();
    assertThat(read.clickhouse().get(0).name()).isEqualTo("bulletins");
    assertThat(read.clickhouse().get(1).name()).isEqualTo("bulletin_files");
    assertThat(read.clickhouse())
        .filteredOn(e -> e.name().equals("case_facts"))
        .singleElement()
        .satisfies(e -> assertThat(e.rows()).isEqualTo(2));
    assertThat(read.postgres())
        .extracting(Manifest.Entry::name)
        .doesNotContain("record_versions", "committed_batches", "flyway_schema_history");
    assertThat(read.landing()).extracting(Manifest.Entry::name).hasSize(keptFiles.size());
  }

  @Test
  void refusesToRestoreIntoStoresThatHoldData() {
    PlatformData full = target.data();
    assertThatThrownBy(() -> Restore.restore(backup, full))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("landing zone")
        .hasMessageContaining("is not empty");
    PlatformData rowsLeft =
        new PlatformData(target.clickhouseUrl, target.metadata, temp.resolve("fresh-landing"));
    assertThatThrownBy(() -> Restore.restore(backup, rowsLeft))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("PostgreSQL database")
        .hasMessageContaining("is not empty");
  }

  @Test
  void refusesADataDirectoryThatHoldsAnything() throws IOException {
    Path dataDir = Files.createDirectories(temp.resolve("data"));
    Restore.requireEmptyDataDir(dataDir);
    Files.createDirectories(dataDir.resolve("postgres"));
    assertThatThrownBy(() -> Restore.requireEmptyDataDir(dataDir))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("is not empty (it holds postgres)");
  }

  @Test
  void refusesADamagedOrUnfinishedBackup() throws IOException {
    Path damaged = copyOfBackup("damaged");
    Path keys = damaged.resolve("postgres/api_keys.copy");
    byte[] bytes = Files.readAllBytes(keys);
    bytes[0] ^= 1;
    Files.write(keys, bytes);
    assertThatThrownBy(() -> Restore.verify(damaged))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("is damaged: postgres/api_keys.copy has SHA-256");

    Path truncated = copyOfBackup("truncated");
    Files.write(truncated.resolve("clickhouse/case_facts.native"), new byte[] {1});
    assertThatThrownBy(() -> Restore.verify(truncated))
        .hasMessageContaining("clickhouse/case_facts.native has 1 bytes, the manifest says");

    Path missing = copyOfBackup("missing");
    Files.delete(missing.resolve("landing/raw/b1.csv"));
    assertThatThrownBy(() -> Restore.verify(missing))
        .hasMessageContaining("is incomplete: landing/raw/b1.csv is missing");

    Path unfinished = copyOfBackup("unfinished");
    Files.delete(unfinished.resolve(Manifest.FILE));
    assertThatThrownBy(() -> Restore.verify(unfinished))
        .hasMessageContaining("is not a complete backup: it has no manifest.json");
  }

  @Test
  void refusesToBackUpIntoADirectoryThatHoldsAnything() {
    assertThatThrownBy(() -> Backup.take(source.data(), backup, CLOCK))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("is not empty; a backup goes into a new or empty directory");
  }

  private static Path copyOfBackup(String name) throws IOException {
    Path copy = temp.resolve(name);
    for (String file : Contents.files(backup).keySet()) {
      Path to = copy.resolve(file);
      Files.createDirectories(to.getParent());
      Files.copy(backup.resolve(file), to);
    }
    return copy;
  }
}
