package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.testing.SampleFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the platform in the middle of an upload, a restart on the same data, and the
 * rest of the upload: nothing accepted is lost and nothing is counted twice.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class CrashRecoveryITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-crash-itcase";

  @TempDir Path dataDir;

  @Test
  void aKilledPlatformLosesNothingAcceptedAndCountsNothingTwice() throws Exception {
    List<Map<String, Object>> rows = SampleFeed.rows();
    Path logs = Path.of("target", "it-logs").toAbsolutePath();
    List<FeedUploader.Batch> batches;
    List<String> confirmed = Collections.synchronizedList(new ArrayList<>());
    long[] totals = new long[3];
    AtomicInteger sent = new AtomicInteger();

    try (PlatformProcess first =
        PlatformProcess.start(dataDir, ADMIN_KEY, logs.resolve("crash-first.log"))) {
      assertThat(first.childrenAtStart())
          .as("the local ClickHouse runs as a child process")
          .isNotEmpty();
      PlatformClient client = new PlatformClient(first.baseUrl());
      batches = new FeedUploader(client, ADMIN_KEY).batches(rows, 3, 250);
      CompletableFuture<Void> uploading =
          CompletableFuture.runAsync(
              () -> {
                for (FeedUploader.Batch b : batches) {
                  try {
                    record(FeedUploader.send(client, b), confirmed, totals);
                    sent.incrementAndGet();
                  } catch (Exception e) {
                    return; // the platform died under us
                  }
                }
              });
      while (sent.get() < batches.size() / 3) {
        Thread.sleep(20);
      }
      first.killHard();
      uploading.join();
    }
    int done = sent.get();
    assertThat(done).as("killed in the middle of the upload").isLessThan(batches.size());

    try (PlatformProcess second =
        PlatformProcess.start(dataDir, ADMIN_KEY, logs.resolve("crash-second.log"))) {
      PlatformClient client = new PlatformClient(second.baseUrl());
      // Everything without an answer is sent again: the batch in flight may or may not have landed.
      for (FeedUploader.Batch b : batches.subList(done, batches.size())) {
        record(FeedUploader.send(client, b), confirmed, totals);
      }
      assertThat(totals[0] + totals[1] + totals[2]).isEqualTo(rows.size());
      Figures.awaitProcessed(second.baseUrl(), ADMIN_KEY, confirmed, Duration.ofMinutes(3));
      assertThat(Figures.assertAllMetricsMatch(second.baseUrl(), ADMIN_KEY)).isGreaterThan(300);
    }
  }

  private static void record(JsonNode r, List<String> confirmed, long[] totals) {
    synchronized (totals) {
      totals[0] += r.get("accepted").asLong();
      totals[1] += r.get("ignored").asLong();
      totals[2] += r.get("rejected").asLong();
    }
    confirmed.add(r.get("batch_id").asText());
  }
}
