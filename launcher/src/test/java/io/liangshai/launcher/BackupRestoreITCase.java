package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.SampleFeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/liangshai backup DIR} of a running platform (its local ClickHouse and PostgreSQL
 * reached through the endpoints it writes into its data directory), then {@code bin/liangshai
 * restore DIR} into an empty data directory (its local servers started for the command), and a
 * platform started on the restored directory: the same figures, the same keys, the same bulletins,
 * and the next issue number after the restored ones.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class BackupRestoreITCase {

  // PipelineITCase.uploadAll waits with its admin key
  private static final String ADMIN_KEY = PipelineITCase.ADMIN_KEY;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path original;
  @TempDir Path restored;
  @TempDir Path backups;

  @Test
  void aRestoredPlatformHasTheSameFiguresKeysAndBulletins() throws Exception {
    Path backup = backups.resolve("b1");
    String countyKey;
    String pdfSha;
    int issueNo;
    List<String> batchIds;
    try (Platform platform = LocalPlatform.start(original, ADMIN_KEY)) {
      String url = platform.baseUrl();
      PlatformClient client = new PlatformClient(url);
      FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
      batchIds =
          PipelineITCase.uploadAll(
              client, uploader.batches(SampleFeed.rows(), 7, 2000), url, new long[3]);
      countyKey = client.issueKey(ADMIN_KEY, "330522", "kept across the restore");
      JsonNode bulletin =
          json(Figures.post(url, ADMIN_KEY, "/api/v1/bulletins", "{\"period\":\"2024-01\"}"), 201);
      issueNo = bulletin.get("issue_no").asInt();
      pdfSha = sha256(getBytes(url, "/api/v1/bulletins/" + bulletin.get("id").asText() + ".pdf"));

      assertThat(PlatformEndpoints.readFor(original))
          .as("a running platform says where")
          .isPresent();
      assertThat(run("backup", "--data-dir", original.toString(), backup.toString())).isZero();
    }
    assertThat(PlatformEndpoints.readFor(original)).as("gone when it stops").isEmpty();
    assertThat(backup.resolve("manifest.json")).exists();

    assertThat(run("restore", "--data-dir", restored.toString(), backup.toString())).isZero();
    assertThat(run("restore", "--data-dir", restored.toString(), backup.toString()))
        .as("a second restore into a data directory that holds data is refused")
        .isNotZero();

    Instant restarted = Instant.now();
    try (Platform platform = LocalPlatform.start(restored, ADMIN_KEY)) {
      String url = platform.baseUrl();
      // No Flink checkpoint is restored: the job reads the whole landing zone again.
      Figures.awaitProcessed(url, ADMIN_KEY, batchIds, restarted, Duration.ofMinutes(3));
      assertThat(Figures.assertAllMetricsMatch(url, ADMIN_KEY)).isGreaterThan(300);
      assertThat(get(url, "/api/v1/me", countyKey).statusCode()).isEqualTo(200);
      assertThat(
              sha256(
                  getBytes(
                      url, "/api/v1/bulletins/" + String.format("monthly-%04d", issueNo) + ".pdf")))
          .isEqualTo(pdfSha);
      JsonNode next =
          json(Figures.post(url, ADMIN_KEY, "/api/v1/bulletins", "{\"period\":\"2024-02\"}"), 201);
      assertThat(next.get("issue_no").asInt()).isEqualTo(issueNo + 1);
    }
  }

  /**
   * Runs {@code bin/liangshai ARGS} in this JVM; its exit code, the command and any error logged.
   */
  static int run(String... args) {
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new Liangshai())
            .setErr(new PrintWriter(err))
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  err.write(e.toString());
                  return 1;
                })
            .execute(args);
    System.err.println(String.join(" ", args) + " → " + code + " " + err);
    return code;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> get(String url, String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] getBytes(String url, String path) throws Exception {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }
}
