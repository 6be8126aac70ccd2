package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.archive.S3Server;
import io.liangshai.core.testing.SampleFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/liangshai rebuild --from OLD}: the sample feed uploaded to a platform (twice, the
 * second time all replays) that ships its inputs to a shared S3 archive (S3Proxy on loopback), the
 * platform stopped, its raw bodies replayed into an empty data directory with its own fresh
 * servers, and a platform started there: every figure of the sample feed's {@code expected.json},
 * and every batch judged as before. Rebuilt again from the S3 archive alone, every batch is judged
 * as before too.
 */
@Tag(LongSuite.TAG)
class RebuildITCase {

  // PipelineITCase.uploadAll waits with its admin key
  private static final String ADMIN_KEY = PipelineITCase.ADMIN_KEY;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a batch's verdict is compared by: who, when, what was sent, and what became of it. */
  private static final List<String> VERDICT =
      List.of(
          "tenant",
          "key_id",
          "received_at",
          "format",
          "bytes",
          "sha256",
          "accepted",
          "ignored",
          "rejected");

  /** Those of {@link #VERDICT} that {@code GET /api/v1/batches/{id}} answers with. */
  private static final List<String> SERVED =
      List.of("tenant", "received_at", "bytes", "sha256", "accepted", "ignored", "rejected");

  private static final String BUCKET = "liangshai-archive";
  private static final String ARCHIVE = "s3://" + BUCKET + "/zhejiang";

  @TempDir Path original;
  @TempDir Path rebuilt;

  @Test
  void aRebuiltPlatformHasTheSameFiguresAndVerdicts(@TempDir Path fromS3) throws Exception {
    List<JsonNode> old;
    try (S3Server s3 = S3Server.start(BUCKET)) {
      S3Server.useCredentials();
      uploadTheSampleFeedTwice(original, s3);
      old = manifests(original);
      assertThat(old).as("the batches the first platform took").hasSizeGreaterThan(100);

      assertThat(
              BackupRestoreITCase.run(
                  "rebuild",
                  "--data-dir",
                  fromS3.toString(),
                  "--from",
                  ARCHIVE,
                  "--archive-endpoint",
                  s3.endpoint()))
          .isZero();
      assertThat(verdicts(manifests(fromS3), VERDICT))
          .as("rebuilt from the S3 archive alone")
          .isEqualTo(verdicts(old, VERDICT));
      assertThat(listing(fromS3)).as("the download is removed").doesNotContain(".archive-download");
    }

    assertThat(
            BackupRestoreITCase.run(
                "rebuild", "--data-dir", rebuilt.toString(), "--from", original.toString()))
        .isZero();
    List<JsonNode> replayed = manifests(rebuilt);
    assertThat(replayed).as("every batch replayed").hasSize(old.size());
    assertThat(verdicts(replayed, VERDICT)).isEqualTo(verdicts(old, VERDICT));

    try (Platform platform = LocalPlatform.start(rebuilt, ADMIN_KEY)) {
      String url = platform.baseUrl();
      List<String> ids = replayed.stream().map(m -> m.get("batch_id").asText()).toList();
      Figures.awaitProcessed(url, ADMIN_KEY, ids, Duration.ofMinutes(3));
      assertThat(Figures.assertAllMetricsMatch(url, ADMIN_KEY)).isGreaterThan(300);
      List<JsonNode> served = new ArrayList<>();
      for (String id : ids) {
        served.add(Figures.get(url, ADMIN_KEY, "/api/v1/batches/" + id));
      }
      assertThat(verdicts(served, SERVED))
          .as("as the API answers")
          .isEqualTo(verdicts(old, SERVED));
    }
  }

  @Test
  void refusesATargetThatHoldsDataOrAnOldDirectoryWithoutRawBodies(@TempDir Path target)
      throws Exception {
    Path landing = Files.createDirectories(original.resolve("landing"));
    Files.createDirectories(landing.resolve("raw"));
    Files.createDirectories(landing.resolve("batches"));
    assertThat(
            BackupRestoreITCase.run(
                "rebuild", "--data-dir", target.toString(), "--from", original.toString()))
        .as("an old landing zone without manifests")
        .isNotZero();
    assertThat(listing(target)).as("nothing written").isEmpty();

    String id = "b_20240105T080000000_0a1b2c3d";
    byte[] body = "{}\n".getBytes(StandardCharsets.UTF_8);
    Files.write(landing.resolve("raw").resolve(id + ".jsonl"), body);
    Files.writeString(
        landing.resolve("batches").resolve(id + ".json"),
        JSON.createObjectNode()
            .put("batch_id", id)
            .put("tenant", "330522")
            .put("key_id", "k1")
            .put("received_at", "2024-01-05T08:00:00Z")
            .put("format", "JSON_LINES")
            .put("bytes", body.length)
            .put("sha256", "")
            .put("accepted", 0)
            .put("ignored", 0)
            .put("rejected", 1)
            .set("errors", JSON.createArrayNode())
            .toString());
    Files.writeString(target.resolve("notes.txt"), "not empty");
    assertThat(
            BackupRestoreITCase.run(
                "rebuild", "--data-dir", target.toString(), "--from", original.toString()))
        .as("a target data directory that holds a file")
        .isNotZero();
    assertThat(listing(target)).as("nothing written").containsExactly("notes.txt");
  }

  /**
   * The sample feed sent to a platform on {@code dataDir} that ships to {@link #ARCHIVE} on {@code
   * s3}, then again (all replays); stopped once the archive holds every batch.
   */
  private static void uploadTheSampleFeedTwice(Path dataDir, S3Server s3) throws Exception {
    Map<String, String> archive =
        Map.of("LIANGSHAI_ARCHIVE", ARCHIVE, "LIANGSHAI_ARCHIVE_ENDPOINT", s3.endpoint());
    try (Platform platform =
        LocalPlatform.start(LocalPlatform.config(dataDir, ADMIN_KEY, archive))) {
      String url = platform.baseUrl();
      PlatformClient client = new PlatformClient(url);
      FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
      long[] first = new long[3];
      PipelineITCase.uploadAll(client, uploader.batches(SampleFeed.rows(), 7, 2000), url, first);
      long[] again = new long[3];
      PipelineITCase.uploadAll(client, uploader.batches(SampleFeed.rows(), 8, 3000), url, again);
      assertThat(again[0]).as("the second upload accepts nothing new").isZero();
      assertThat(again[1]).as("it ignores what the first took").isEqualTo(first[0] + first[1]);
      awaitArchived(url, s3, manifests(dataDir).size());
    }
  }

  /** Waits until {@code s3} holds {@code batches} manifests and the backlog gauge reads 0. */
  private static void awaitArchived(String url, S3Server s3, int batches) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (true) {
      long archived =
          s3.blobStore()
              .list(BUCKET, ListContainerOptions.Builder.prefix("zhejiang/batches/").recursive())
              .size();
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      boolean noBacklog =
          metrics
              .lines()
              .filter(line -> line.startsWith("liangshai_archive_backlog"))
              .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' '))) == 0);
      if (archived == batches && noBacklog) {
        return;
      }
      assertThat(Instant.now()).as("archived " + archived + " of " + batches).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** The batch manifests of a data directory's landing zone, in the order they were received. */
  private static List<JsonNode> manifests(Path dataDir) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataDir.resolve("landing").resolve("batches"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        all.add(JSON.readTree(f.toFile()));
      }
    }
    all.sort(
        Comparator.comparing((JsonNode m) -> Instant.parse(m.get("received_at").asText()))
            .thenComparing(m -> m.get("batch_id").asText()));
    return all;
  }

  private static List<List<String>> verdicts(List<JsonNode> batches, List<String> fields) {
    return batches.stream()
        .map(b -> fields.stream().map(field -> b.path(field).asText()).toList())
        .toList();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
