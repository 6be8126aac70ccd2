package io.liangshai.api;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.BatchResult;
import io.liangshai.ingest.LandingZone;
import io.liangshai.ingest.Refusal;
import io.liangshai.ingest.RefusalJournal;
import io.liangshai.ingest.Uploader;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.WarehouseException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LandingAuditSync} against a real ClickHouse: the upload audit and the {@code batches} rows
 * derived from the landing zone, each written exactly once across restarts and outages.
 */
class LandingAuditSyncITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();
  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Uploader COUNTY = new Uploader("330522", "k_county");

  private static Warehouse warehouse;

  @TempDir Path dir;
  private LandingZone zone;
  private BatchIntake intake;

  @BeforeAll
  static void openWarehouse() throws SQLException {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
  }

  @AfterAll
  static void closeWarehouse() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  /** A landing zone of the test's own, and an intake over it as the launcher builds one. */
  @BeforeEach
  void openIntake() throws Exception {
    zone = new LandingZone(dir.resolve("landing"));
    records = ApiTestServer.newRecordsLog();
    intake =
        new BatchIntake(
            zone,
            TenantRegistryLoader.loadDefault(),
            new PostgresVersionIndex(METADATA.dataSource(), Clock.systemUTC()),
            records,
            Clock.systemUTC());
  }

  @AfterEach
  void closeIntake() {
    intake.close();
    records.close();
  }

  private io.liangshai.log.RecordsLog records;

  @Test
  void backFillsEveryUploadAndRefusalOnceAcrossRestarts() throws Exception {
    BatchResult a = send(aCase().caseId("sync-a").row());
    BatchResult b = send(aCase().caseId("sync-b").row());
    Refusal refused =
        new RefusalJournal(zone, Clock.systemUTC()).append("330522", "k_county", 400, "x", 1L);
    AuditLog audit = new AuditLog(warehouse, Clock.systemUTC());
    // A crash between the audit row and the batches row of a: the audit row is there already.
    audit.record(
        a.receivedAt(), "330522", "k_county", "batch.upload", a.batchId(), "{\"accepted\":1}");

    LandingAuditSync sync = new LandingAuditSync(zone, warehouse, Clock.systemUTC());
    assertThat(sync.syncNow()).as("b's audit row, both batches rows, the refusal").isEqualTo(4);
    assertThat(sync.syncNow()).isZero();
    assertThat(new LandingAuditSync(zone, warehouse, Clock.systemUTC()).syncNow())
        .as("a restarted syncer starts from what ClickHouse holds")
        .isZero();

    assertThat(count(warehouse, "batch.upload", a.batchId())).isEqualTo(1);
    assertThat(count(warehouse, "batch.upload", b.batchId())).isEqualTo(1);
    assertThat(count(warehouse, "batch.refused", refused.id())).isEqualTo(1);
    assertThat(batchesRows(warehouse, a.batchId())).isEqualTo(1);
    assertThat(batchesRows(warehouse, b.batchId())).isEqualTo(1);
    JsonObject row = auditRow(warehouse, b.batchId());
    assertThat(row.getString("tenant")).isEqualTo("330522");
    assertThat(row.getString("key_id")).isEqualTo("k_county");
    assertThat(Instant.parse(row.getString("at")))
        .as("the time of the upload, to the millisecond audit_log keeps")
        .isEqualTo(b.receivedAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(new JsonObject(row.getString("detail")).getInteger("accepted")).isEqualTo(1);
  }

  @Test
  void rowsWaitInTheLandingZoneWhileClickHouseRefusesThemAndFollowWhenItTakesThem()
      throws Exception {
    try (LandingAuditSync sync = new LandingAuditSync(zone, warehouse, Clock.systemUTC())) {
      sync.syncNow();
      execute(warehouse, "RENAME TABLE audit_log TO audit_log_away");
      BatchResult c;
      try {
        c = send(aCase().caseId("sync-c").row());
        assertThatThrownBy(sync::syncNow)
            .isInstanceOf(WarehouseException.class)
            .hasCauseInstanceOf(SQLException.class);
      } finally {
        execute(warehouse, "RENAME TABLE audit_log_away TO audit_log");
      }
      sync.start();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (count(warehouse, "batch.upload", c.batchId()) == 0
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertThat(count(warehouse, "batch.upload", c.batchId())).isEqualTo(1);
      assertThat(batchesRows(warehouse, c.batchId())).isEqualTo(1);
    }
  }

  @Test
  void aBatchWhoseManifestArrivesAfterALaterBatchsIsStillAudited() throws Exception {
    BatchResult slow = send(aCase().caseId("late-slow").row());
    BatchResult quick = send(aCase().caseId("late-quick").row());
    assertThat(slow.batchId()).isLessThan(quick.batchId());
    // The slow batch (received first) is still being taken when the quick one is published.
    Path manifest = zone.root().resolve("batches").resolve(slow.batchId() + ".json");
    Path aside = dir.resolve(slow.batchId() + ".json.aside");
    Files.move(manifest, aside);

    LandingAuditSync sync = new LandingAuditSync(zone, warehouse, Clock.systemUTC());
    sync.syncNow();
    assertThat(count(warehouse, "batch.upload", quick.batchId())).isEqualTo(1);
    assertThat(count(warehouse, "batch.upload", slow.batchId())).isZero();

    Files.move(aside, manifest);
    assertThat(sync.syncNow()).as("the late manifest's audit and batches rows").isEqualTo(2);
    assertThat(count(warehouse, "batch.upload", slow.batchId())).isEqualTo(1);
    assertThat(batchesRows(warehouse, slow.batchId())).isEqualTo(1);
    assertThat(sync.syncNow()).as("nothing twice").isZero();
  }

  private BatchResult send(Map<String, Object> row) throws Exception {
    Path file = intake.landing().newIncomingFile();
    Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8);
    return intake.ingest(COUNTY, BatchFormat.JSON_LINES, file);
  }

  private static long count(Warehouse w, String action, String object) throws SQLException {
    return single(
        w, "SELECT count() FROM audit_log WHERE action = ? AND object = ?", action, object);
  }

  private static long batchesRows(Warehouse w, String batchId) throws SQLException {
    return single(w, "SELECT count() FROM batches FINAL WHERE batch_id = ?", batchId);
  }

  private static JsonObject auditRow(Warehouse w, String object) throws SQLException {
    try (Connection c = w.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT at, actor_tenant, key_id, detail FROM audit_log WHERE object = ?")) {
      ps.setString(1, object);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new JsonObject()
            .put("at", rs.getTimestamp(1).toInstant().toString())
            .put("tenant", rs.getString(2))
            .put("key_id", rs.getString(3))
            .put("detail", rs.getString(4));
      }
    }
  }

  private static long single(Warehouse w, String sql, String... params) throws SQLException {
    try (Connection c = w.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void execute(Warehouse w, String sql) throws SQLException {
    try (Connection c = w.connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
