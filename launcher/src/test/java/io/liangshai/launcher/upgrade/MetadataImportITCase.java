package io.liangshai.launcher.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.clickhouse.local.LocalClickHouse;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.launcher.upgrade.LegacyTables.LegacyKey;
import io.liangshai.metadata.BulletinNumbers;
import io.liangshai.metadata.MetadataImports;
import io.liangshai.metadata.MetadataImports.Kind;
import io.liangshai.metadata.MetadataSchema;
import io.liangshai.metadata.PostgresApiKeyStore;
import io.liangshai.metadata.PostgresSchemeVersions;
import io.liangshai.metadata.SchemeVersionStore.Row;
import io.liangshai.postgres.local.testing.PostgresExtension;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory of the previous release ({@link OldDataDirectory}) opened as it is, its
 * metadata imported into a fresh PostgreSQL by two imports started at once, then checked against
 * what the sidecar says was made with the old release.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetadataImportITCase {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T08:00:00.123456Z"), ZoneOffset.UTC);

  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @TempDir static Path dataDir;

  private static final JsonNode MADE = OldDataDirectory.made();
  private static LocalClickHouse clickhouse;
  private static Warehouse warehouse;
  private static DataSource postgres;
  private static List<LegacyKey> oldKeysBefore;
  private static List<Row> oldSchemesBefore;
  private static List<ImportSummary> firstRuns;

  @BeforeAll
  static void importTheOldDataDirectory() throws Exception {
    OldDataDirectory.unpackInto(dataDir);
    clickhouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir.resolve("clickhouse")));
    warehouse = Warehouse.open(clickhouse.jdbcUrl());
    postgres = POSTGRES.dataSource();
    MetadataSchema.migrate(postgres);
    LegacyTables legacy = new LegacyTables(warehouse);
    oldKeysBefore = legacy.keys();
    oldSchemesBefore = legacy.schemeVersions();
    firstRuns = atOnce(() -> MetadataImport.run(warehouse, postgres, CLOCK), 2);
  }

  @AfterAll
  static void close() {
    if (warehouse != null) {
      warehouse.close();
    }
    if (clickhouse != null) {
      clickhouse.close();
    }
  }

  @Test
  @Order(1)
  void everyOldKeyWorksByItsSecretAndRevokedOnesAreRefused() throws Exception {
    PostgresApiKeyStore keys = new PostgresApiKeyStore(postgres, CLOCK);
    List<JsonNode> made = list(MADE.get("keys"));
    assertThat(made).hasSize(5);
    for (JsonNode m : made) {
      String id = m.get("key_id").asText();
      boolean active = m.get("state").asText().equals("active");
      Optional<ApiKey> bySecret = keys.findActive(m.get("secret").asText());
      assertThat(bySecret.map(ApiKey::keyId)).as(id).isEqualTo(active ? Optional.of(id) : none());
      ApiKey stored = keys.find(id).orElseThrow();
      assertThat(stored.tenantCode()).as(id).isEqualTo(m.get("tenant").asText());
      assertThat(stored.name()).as(id).isEqualTo(m.get("name").asText());
      assertThat(stored.createdBy()).as(id).isEqualTo("admin");
      assertThat(stored.createdAt()).as(id).isEqualTo(millis(m.get("created_at")));
      assertThat(stored.revokedAt())
          .as(id)
          .isEqualTo(active ? none() : Optional.of(millis(m.get("revoked_at"))));
    }
    assertThat(firstRuns.stream().mapToInt(ImportSummary::keysStored).sum()).isEqualTo(5);
    assertThat(new MetadataImports(postgres, CLOCK).recorded(Kind.KEY))
        .containsExactlyElementsOf(
            made.stream().map(m -> m.get("key_id").asText()).sorted().toList());
  }

  @Test
  @Order(2)
  void schemesKeepTheirVersionsAuthorsTimesDefinitionsAndRetirement() throws Exception {
    JsonNode scheme = MADE.get("schemes").get(0);
    String id = scheme.get("id").asText();
    List<Row> stored = new PostgresSchemeVersions(postgres, CLOCK).versionsOf(id);

    assertThat(stored).containsExactlyElementsOf(oldSchemesBefore);
    List<JsonNode> versions = list(scheme.get("versions"));
    assertThat(stored).hasSameSizeAs(versions);
    for (int i = 0; i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      Row row = stored.get(i);
      assertThat(row.version()).isEqualTo(v.get("version").asInt());
      assertThat(row.name()).isEqualTo(v.get("name").asText());
      assertThat(row.createdAt()).isEqualTo(millis(v.get("created_at")));
      assertThat(row.createdBy()).isEqualTo(v.get("created_by").asText());
      assertThat(row.retiredAt())
          .isEqualTo(
              v.get("retired_at").isNull() ? none() : Optional.of(millis(v.get("retired_at"))));
    }
    assertThat(firstRuns.stream().mapToInt(ImportSummary::schemeVersionsStored).sum()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void bulletinNumberingContinuesAfterTheOldIssues() throws Exception {
    List<JsonNode> bulletins = list(MADE.get("bulletins"));
    String series = bulletins.get(0).get("series").asText();
    int lastOld = bulletins.stream().mapToInt(b -> b.get("issue_no").asInt()).max().orElseThrow();

    assertThat(lastOld).isEqualTo(2);
    assertThat(new BulletinNumbers(postgres, CLOCK).lastIssueNo(series)).isEqualTo(lastOld);
    assertThat(new MetadataImports(postgres, CLOCK).recorded(Kind.BULLETIN_SERIES))
        .containsExactly(series + "@" + lastOld);
  }

  @Test
  @Order(4)
  void runningAgainChangesNothingAndTheOldTablesStayAsTheyWere() throws Exception {
    List<String> before = metadataRows();

    ImportSummary again = MetadataImport.run(warehouse, postgres, CLOCK);

    assertThat(again.changedNothing()).isTrue();
    assertThat(again).isEqualTo(new ImportSummary(0, 5, 0, 0, 2, 0, 0, 0, 1));
    assertThat(metadataRows()).isEqualTo(before);
    LegacyTables legacy = new LegacyTables(warehouse);
    assertThat(legacy.keys()).isEqualTo(oldKeysBefore);
    assertThat(legacy.schemeVersions()).isEqualTo(oldSchemesBefore);
  }

  @Test
  @Order(5)
  void newIssueNumbersAndSchemeVersionsFollowTheOldOnes() throws Exception {
    String series = MADE.get("bulletins").get(0).get("series").asText();
    Row strict = oldSchemesBefore.get(oldSchemesBefore.size() - 1);

    assertThat(new BulletinNumbers(postgres, CLOCK).allocate(series)).isEqualTo(3);
    Row next =
        new PostgresSchemeVersions(postgres, CLOCK)
            .create(strict.id(), strict.name(), strict.definition(), "admin");
    assertThat(next.version()).isEqualTo(3);
  }

  @Test
  @Order(6)
  void laterRevocationsAndRetirementsInTheOldTablesAreCarriedOverAndConflictsLeftOut()
      throws Exception {
    // as the old release does after a downgrade: a key revoked, a version retired, a third
    // version of strict defined there although PostgreSQL has its own strict@3 already
    JsonNode spare = list(MADE.get("keys")).get(3);
    assertThat(spare.get("state").asText()).isEqualTo("active");
    String keyId = spare.get("key_id").asText();
    try (Connection c = warehouse.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO api_keys SELECT key_id, tenant_code, name, key_hash, created_at,"
              + " created_by, now64(3), 2 FROM api_keys FINAL WHERE key_id = '"
              + keyId
              + "'");
      s.execute(
          "INSERT INTO schemes SELECT id, version, name, definition, created_at, created_by,"
              + " now64(3), 2 FROM schemes FINAL WHERE id = 'strict' AND version = 2");
      s.execute(
          "INSERT INTO schemes VALUES ('strict', 3, 'old three', '{}', now64(3), 'admin', NULL,"
              + " 1)");
    }

    ImportSummary carried = MetadataImport.run(warehouse, postgres, CLOCK);

    assertThat(carried).isEqualTo(new ImportSummary(0, 5, 1, 0, 2, 1, 1, 0, 1));
    assertThat(new PostgresApiKeyStore(postgres, CLOCK).findActive(spare.get("secret").asText()))
        .isEmpty();
    List<Row> strict = new PostgresSchemeVersions(postgres, CLOCK).versionsOf("strict");
    assertThat(strict).extracting(Row::version).containsExactly(1, 2, 3);
    assertThat(strict.get(1).retiredAt()).contains(CLOCK.instant().truncatedTo(ChronoUnit.MICROS));
    assertThat(strict.get(2).name()).isEqualTo(strict.get(1).name());
    assertThat(MetadataImport.run(warehouse, postgres, CLOCK).changedNothing()).isTrue();
  }

  /** Every row of the metadata tables the import writes, as text, in a fixed order. */
  private static List<String> metadataRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM api_keys ORDER BY key_id",
              "SELECT * FROM scheme_versions ORDER BY id, version",
              "SELECT * FROM numbering ORDER BY scope, key",
              "SELECT * FROM bulletin_issues ORDER BY series_id, issue_no",
              "SELECT * FROM metadata_imports ORDER BY kind, ref")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(sql);
            for (int i = 1; i <= columns; i++) {
              row.append('|').append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }

  private static <T> List<T> atOnce(Callable<T> task, int times) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Instant millis(JsonNode isoTime) {
    return Instant.parse(isoTime.asText()).truncatedTo(ChronoUnit.MILLIS);
  }

  private static <T> Optional<T> none() {
    return Optional.empty();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
