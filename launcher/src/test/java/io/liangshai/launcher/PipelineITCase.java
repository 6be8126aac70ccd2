package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.testing.SampleFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform in this JVM — local ClickHouse, ingest, the Flink job in a MiniCluster, the
 * API — fed the sample feed over HTTP, shuffled, in mixed formats, with the tenants' own keys.
 */
class PipelineITCase {

  static final String ADMIN_KEY = "admin-key-for-the-pipeline-itcase";

  @TempDir Path dataDir;

  @Test
  void theSampleFeedGivesEveryExpectedFigureAndAReplayChangesNothing() throws Exception {
    try (Platform platform = LocalPlatform.start(dataDir, ADMIN_KEY)) {
      String url = platform.baseUrl();
      PlatformClient client = new PlatformClient(url);
      FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
      List<Map<String, Object>> rows = SampleFeed.rows();

      long[] first = uploadAll(client, uploader.batches(rows, 1, 400), url);
      assertThat(first[0] + first[1] + first[2]).isEqualTo(rows.size());
      assertThat(first[2]).as("rejected rows").isGreaterThanOrEqualTo(SampleFeed.INVALID_ROWS);
      assertThat(Figures.assertAllMetricsMatch(url, ADMIN_KEY)).isGreaterThan(300);
      com.fasterxml.jackson.databind.JsonNode health = Figures.get(url, ADMIN_KEY, "/healthz");
      assertThat(health.path("records_log").asText())
          .as("the platform's own broker in /healthz: " + health)
          .isEqualTo("ok");

      long[] replay = uploadAll(client, uploader.batches(rows, 2, 700), url);
      assertThat(replay[0]).as("a replay accepts nothing new").isZero();
      assertThat(replay[1])
          .as("a replay ignores what it accepted before")
          .isEqualTo(first[0] + first[1]);
      Figures.assertAllMetricsMatch(url, ADMIN_KEY);
    }
  }

  /** Sends every batch, waits until all are processed; returns accepted, ignored, rejected. */
  static long[] uploadAll(PlatformClient client, List<FeedUploader.Batch> batches, String url)
      throws Exception {
    long[] totals = new long[3];
    uploadAll(client, batches, url, totals);
    return totals;
  }

  /**
   * Sends every batch, adds its accepted, ignored and rejected rows to {@code totals}, waits until
   * each is processed; returns their batch ids.
   */
  static List<String> uploadAll(
      PlatformClient client, List<FeedUploader.Batch> batches, String url, long[] totals)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (FeedUploader.Batch b : batches) {
      JsonNode r = FeedUploader.send(client, b);
      assertThat(
              r.get("accepted").asLong() + r.get("ignored").asLong() + r.get("rejected").asLong())
          .as("every row of a batch is accounted for")
          .isEqualTo(b.rows());
      totals[0] += r.get("accepted").asLong();
      totals[1] += r.get("ignored").asLong();
      totals[2] += r.get("rejected").asLong();
      ids.add(r.get("batch_id").asText());
    }
    Figures.awaitProcessed(url, ADMIN_KEY, ids, Duration.ofMinutes(3));
    return ids;
  }
}
