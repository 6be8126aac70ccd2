package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.CaseVersionKey;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform halts (as {@code kill -9} would) after a batch's records are landed and before the
 * version index commits them — before the records log took them ({@code
 * LIANGSHAI_FAULT=halt-after-landing}) or after it committed them ({@code halt-after-log}); the
 * client got no answer. After a restart on the same data the retry is judged against what landed:
 * the same rows are duplicates, another content for the same version is a conflict, the landed
 * batch is processed once, with a reconstructed manifest and its audit rows.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class CrashWindowITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-crash-window-itcase";
  private static final String APPLICATION_NDJSON = "application/x-ndjson";

  @TempDir Path dataDir;

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"halt-after-landing", "halt-after-log"})
  void aRetryAfterACrashBetweenLandingAndTheIndexCommitIsJudgedAgainstWhatLanded(String fault)
      throws Exception {
    List<Map<String, Object>> rows = firstVersionOfEveryValidRow();
    byte[] body = FeedUploader.encode(APPLICATION_NDJSON, rows);
    Path logs = Path.of("target", "it-logs").toAbsolutePath();

    try (PlatformProcess first =
        PlatformProcess.start(
            dataDir,
            ADMIN_KEY,
            logs.resolve("crash-window-first-" + fault + ".log"),
            Map.of("LIANGSHAI_FAULT", fault))) {
      PlatformClient client = new PlatformClient(first.baseUrl());
      assertThatThrownBy(() -> client.uploadCases(ADMIN_KEY, APPLICATION_NDJSON, body))
          .as("no answer: the platform halted after landing the batch")
          .isInstanceOf(IOException.class);
      assertThat(first.awaitExit(Duration.ofSeconds(60))).isEqualTo(137);
    }
    String landed = onlyLandedBatch();
    assertThat(dataDir.resolve("landing/batches").resolve(landed + ".json"))
        .as("halted before the manifest was written")
        .doesNotExist();

    try (PlatformProcess second =
        PlatformProcess.start(
            dataDir, ADMIN_KEY, logs.resolve("crash-window-second-" + fault + ".log"))) {
      PlatformClient client = new PlatformClient(second.baseUrl());
      JsonNode retry = client.uploadCases(ADMIN_KEY, APPLICATION_NDJSON, body);
      assertThat(retry.get("accepted").asInt()).isZero();
      assertThat(retry.get("rejected").asInt()).isZero();
      assertThat(retry.get("ignored").asInt()).isEqualTo(rows.size());

      Map<String, Object> changed = new LinkedHashMap<>(rows.get(0));
      changed.put("description", "同一版本的另一个内容");
      JsonNode conflict =
          client.uploadCases(
              ADMIN_KEY,
              APPLICATION_NDJSON,
              FeedUploader.encode(APPLICATION_NDJSON, List.of(changed)));
      assertThat(conflict.get("rejected").asInt()).isEqualTo(1);
      assertThat(conflict.at("/errors/0/field").asText()).isEqualTo("updated_at");
      assertThat(conflict.at("/errors/0/message").asText()).contains("conflicts");

      Figures.awaitProcessed(second.baseUrl(), ADMIN_KEY, List.of(landed), Duration.ofMinutes(3));
      JsonNode manifest = client.batch(ADMIN_KEY, landed);
      assertThat(manifest.get("recovered").asBoolean()).isTrue();
      assertThat(manifest.get("accepted").asInt()).isEqualTo(rows.size());
      assertThat(manifest.get("bytes").asLong()).isEqualTo(body.length);
      assertThat(manifest.get("state").asText()).isEqualTo("processed");
      JsonNode upload = awaitUploadAudit(second.baseUrl(), landed, Duration.ofSeconds(60));
      assertThat(upload.at("/detail/recovered").asBoolean()).isTrue();
      assertThat(upload.at("/detail/accepted").asInt()).isEqualTo(rows.size());
      assertThat(Figures.assertAllMetricsMatch(second.baseUrl(), ADMIN_KEY))
          .as("every figure counts the landed batch's cases exactly once")
          .isGreaterThan(300);
    }
    assertThat(rowsInClickHouse(landed)).containsExactly(1L, 1L);
  }

  /**
   * The sample feed's valid rows, each version only the first time it appears: what a province
   * would land in one batch with nothing ignored or rejected. The figures are those of the feed.
   */
  private static List<Map<String, Object>> firstVersionOfEveryValidRow() {
    TenantRegistry registry = TenantRegistryLoader.loadDefault();
    CaseRecordValidator validator =
        new CaseRecordValidator(
            code ->
                registry.find(code).isPresent()
                    ? Optional.empty()
                    : Optional.of(TenantScope.unknown(code)));
    Set<CaseVersionKey> seen = new HashSet<>();
    List<Map<String, Object>> kept = new ArrayList<>();
    List<Map<String, Object>> all = SampleFeed.rows();
    for (int i = 0; i < all.size(); i++) {
      ValidationResult result = validator.validate(all.get(i), i + 1);
      if (result.isValid() && seen.add(CaseVersionKey.of(result.record()))) {
        kept.add(all.get(i));
      }
    }
    return kept;
  }

  private String onlyLandedBatch() throws IOException {
    try (Stream<Path> files = Files.list(dataDir.resolve("landing/records"))) {
      List<String> ids =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jsonl") && !n.startsWith("."))
              .map(n -> n.substring(0, n.length() - ".jsonl".length()))
              .toList();
      assertThat(ids).as("the one batch landed before the halt").hasSize(1);
      return ids.get(0);
    }
  }

  private static JsonNode awaitUploadAudit(String baseUrl, String batchId, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      for (JsonNode row :
          Figures.get(baseUrl, ADMIN_KEY, "/api/v1/audit?action=batch.upload").get("rows")) {
        if (batchId.equals(row.get("object").asText())) {
          return row;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no batch.upload audit row for " + batchId + " after " + timeout);
      }
      Thread.sleep(250);
    }
  }

  /** The {@code batches} rows and {@code batch.upload} audit rows of the batch, read directly. */
  private List<Long> rowsInClickHouse(String batchId) throws Exception {
    LiangshaiConfig config =
        LiangshaiConfig.from(
            Map.of("LIANGSHAI_DATA_DIR", dataDir.toString(), "LIANGSHAI_ADMIN_KEY", ADMIN_KEY));
    try (ClickHouseEndpoint clickhouse =
            ClickHouseEndpoint.local(LocalClickHouseConfig.of(config.clickhouseDir()));
        Warehouse warehouse = Warehouse.open(clickhouse.jdbcUrl());
        Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT count() FROM batches FINAL WHERE batch_id = ?),"
                    + " (SELECT count() FROM audit_log WHERE action = 'batch.upload'"
                    + " AND object = ?)")) {
      ps.setString(1, batchId);
      ps.setString(2, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return List.of(rs.getLong(1), rs.getLong(2));
      }
    }
  }
}
