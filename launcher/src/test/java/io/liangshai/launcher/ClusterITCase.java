package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.SampleFeed;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/liangshai cluster} as an operator starts it: the sample feed uploaded through both API
 * instances in turn; one TaskManager killed ({@code -9}) after a third of it, one API instance
 * after two thirds, what the dead instance did not answer sent again to the other; then, as the
 * survivor sees it, every batch processed, every figure of the sample feed exact, and the job
 * running again after at least one restart. TERM then stops everything the command started.
 */
@Tag(LongSuite.TAG)
class ClusterITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-cluster-itcase-0123";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void theFeedThroughTwoInstancesSurvivesATaskManagerAndAnInstanceLostOnTheWay() throws Exception {
    Path log = Path.of("target", "it-logs", "cluster.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    int port = freePortPair();
    Process cluster = start(port, log);
    try {
      JsonNode layout = awaitLayout(cluster, log);
      List<String> apis = new ArrayList<>();
      layout.path("api").forEach(u -> apis.add(u.asText()));
      assertThat(apis)
          .containsExactly("http://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1));
      String flink = layout.path("flink_rest").asText();
      String job = layout.path("job_id").asText();

      FeedUploader uploader = new FeedUploader(new PlatformClient(apis.get(0)), ADMIN_KEY);
      List<FeedUploader.Batch> batches = uploader.batches(SampleFeed.rows(), 15, 150);
      List<String> ids = new ArrayList<>();
      boolean secondAlive = true;
      int resent = 0;
      for (int i = 0; i < batches.size(); i++) {
        if (i == batches.size() / 3) {
          int busy = new io.liangshai.flink.local.FlinkRest(flink).busyTaskManager(job);
          kill(layout.at("/pids/taskmanagers/" + (busy - 1)).asLong());
        }
        if (i == 2 * batches.size() / 3) {
          kill(layout.at("/pids/api/1").asLong());
          secondAlive = false;
        }
        String target = apis.get(i % 2 == 1 && secondAlive ? 1 : i % 2);
        JsonNode answer;
        try {
          answer = FeedUploader.send(new PlatformClient(target), batches.get(i));
        } catch (IOException e) {
          // The dead instance gave no answer: the same batch again, to the survivor.
          answer = FeedUploader.send(new PlatformClient(apis.get(0)), batches.get(i));
          resent++;
        }
        ids.add(answer.get("batch_id").asText());
      }
      assertThat(resent).as("batches the dead instance could not answer, sent again").isPositive();

      Figures.awaitProcessed(apis.get(0), ADMIN_KEY, ids, Duration.ofMinutes(5));
      assertThat(Figures.assertAllMetricsMatch(apis.get(0), ADMIN_KEY))
          .as("every figure of the sample feed, exact")
          .isGreaterThan(300);
      assertThat(rest(flink, "/jobs/" + job).path("state").asText()).isEqualTo("RUNNING");
      FlinkJobs.awaitRestart(new io.liangshai.flink.local.FlinkRest(flink), job);
    } finally {
      List<ProcessHandle> children = cluster.descendants().toList();
      cluster.destroy();
      assertThat(cluster.waitFor(120, TimeUnit.SECONDS)).as("TERM stops the cluster").isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(60, TimeUnit.SECONDS);
        assertThat(child.isAlive()).as("child " + child.pid() + " stopped too").isFalse();
      }
    }
  }

  private Process start(int port, Path log) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-Dliangshai.home=" + target.getParent().getParent(),
            "-cp",
            target.resolve("liangshai-launcher.jar")
                + File.pathSeparator
                + target.resolve("lib")
                + "/*",
            "io.liangshai.launcher.Liangshai",
            "cluster");
    pb.environment().put("LIANGSHAI_DATA_DIR", dataDir.toString());
    pb.environment().put("LIANGSHAI_HTTP_PORT", Integer.toString(port));
    pb.environment().put("LIANGSHAI_ADMIN_KEY", ADMIN_KEY);
    pb.environment().remove("LIANGSHAI_CLICKHOUSE_URL");
    pb.environment().remove("LIANGSHAI_POSTGRES_URL");
    pb.environment().remove("LIANGSHAI_KAFKA");
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private JsonNode awaitLayout(Process cluster, Path log) throws Exception {
    Path file = dataDir.resolve("cluster.json");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
    while (!Files.exists(file)) {
      assertThat(cluster.isAlive()).as("the cluster command runs; see " + log).isTrue();
      assertThat(Instant.now()).as("cluster.json written in time; see " + log).isBefore(deadline);
      Thread.sleep(500);
    }
    return JSON.readTree(file.toFile());
  }

  private static void kill(long pid) throws Exception {
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
    p.destroyForcibly();
    p.onExit().get(30, TimeUnit.SECONDS);
  }

  private static JsonNode rest(String base, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A port whose next port is free too. */
  private static int freePortPair() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int p;
      try (ServerSocket s = new ServerSocket(0)) {
        p = s.getLocalPort();
      }
      try (ServerSocket next = new ServerSocket(p + 1)) {
        return p;
      } catch (IOException e) {
        // taken: try another
      }
    }
    throw new IOException("no two free consecutive ports");
  }
}
