package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's local ClickHouse frozen (SIGSTOP) for 15 s, then killed (-9): every upload in that
 * time is accepted, every read answers 200 or 503 within 3 s, the supervisor starts ClickHouse
 * again, and the job catches up — every batch {@code processed}, every figure exact.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class ClickHouseOutageITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-outage-itcase";
  private static final Duration FREEZE = Duration.ofSeconds(15);
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
  private static final Duration UPLOAD_WITHIN = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void aFrozenThenKilledClickHouseRefusesNoUploadAndTheFiguresComeOutExact() throws Exception {
    List<Map<String, Object>> rows = SampleFeed.rows();
    Path logs = Path.of("target", "it-logs").toAbsolutePath();
    try (PlatformProcess platform =
        PlatformProcess.start(dataDir, ADMIN_KEY, logs.resolve("clickhouse-outage.log"))) {
      String base = platform.baseUrl();
      PlatformClient client = new PlatformClient(base);
      FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
      List<FeedUploader.Batch> batches = uploader.batches(rows, 11, 250);
      Uploads uploads = new Uploads(client);
      int third = batches.size() / 3;
      batches.subList(0, third).forEach(uploads::send);
      for (String key : uploader.tenantKeys()) {
        assertThat(get(base, "/api/v1/me", key).statusCode()).isEqualTo(200);
      }
      String period = ExpectedMetrics.load().periods().iterator().next();
      Reads reads = new Reads(base, uploader.tenantKeys().iterator().next(), period);
      reads.start();

      ProcessHandle clickHouse = platform.clickHouseChild().orElseThrow();
      reads.phase("frozen");
      signal("STOP", clickHouse.pid());
      long thaw = System.nanoTime() + FREEZE.toNanos();
      int next = third;
      try {
        while (System.nanoTime() < thaw) {
          if (next < 2 * third) {
            uploads.send(batches.get(next++));
          } else {
            Thread.sleep(200);
          }
        }
      } finally {
        clickHouse.destroyForcibly(); // -9, still frozen
        reads.phase("killed");
      }
      assertThat(clickHouse.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      int sentWhileFrozen = next - third;
      while (next < 2 * third && !restarted(platform, clickHouse)) {
        uploads.send(batches.get(next++));
      }
      awaitRestart(platform, clickHouse);
      reads.phase("restarted");
      reads.awaitRounds(2); // whole rounds of reads against the restarted ClickHouse
      reads.stop();
      batches.subList(next, batches.size()).forEach(uploads::send);

      assertThat(sentWhileFrozen).as("uploads answered while ClickHouse was frozen").isPositive();
      assertThat(uploads.totalRows()).isEqualTo(rows.size());
      Figures.awaitProcessed(base, ADMIN_KEY, uploads.confirmed, Duration.ofMinutes(3));
      assertThat(Figures.assertAllMetricsMatch(base, ADMIN_KEY)).isGreaterThan(300);
      assertThat(reads.violations)
          .as(
              "reads not answered 200/503 within 3 s; the platform's warnings:%n%s",
              warnings(logs.resolve("clickhouse-outage.log")))
          .isEmpty();
      assertThat(reads.unavailable.get()).as("reads answered 503 during the outage").isPositive();
      assertThat(reads.healthSawUnreachable.get())
          .as("/healthz said clickhouse unreachable")
          .isTrue();
      JsonNode health = JSON.readTree(get(base, "/healthz", null).body());
      assertThat(health.get("clickhouse").asText()).isEqualTo("ok");
      assertThat(health.get("job").asText()).isEqualTo("running");
      assertThat(health.get("status").asText()).isEqualTo("ok");
    }
  }

  /** Sends batches one by one: each must be accepted (200), soon. */
  private static final class Uploads {
    final List<String> confirmed = Collections.synchronizedList(new ArrayList<>());
    private final PlatformClient client;
    private long rows;

    Uploads(PlatformClient client) {
      this.client = client;
    }

    void send(FeedUploader.Batch b) {
      long started = System.nanoTime();
      JsonNode r;
      try {
        r = FeedUploader.send(client, b); // throws on anything but 2xx
      } catch (Exception e) {
        throw new AssertionError("an upload was not accepted: " + e.getMessage(), e);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("upload answered within " + UPLOAD_WITHIN)
          .isLessThan(UPLOAD_WITHIN);
      rows += r.get("accepted").asLong() + r.get("ignored").asLong() + r.get("rejected").asLong();
      confirmed.add(r.get("batch_id").asText());
    }

    long totalRows() {
      return rows;
    }
  }

  /** Reads in a loop on a thread of their own, noting every answer that breaks the promise. */
  private static final class Reads implements Runnable {
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicBoolean healthSawUnreachable = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String base;
    private final String tenantKey;
    private final String period;
    private final Thread thread = new Thread(this, "outage-reads");
    private final long startedNanos = System.nanoTime();
    private volatile String phase = "before the freeze";
    private final AtomicInteger rounds = new AtomicInteger();

    Reads(String base, String tenantKey, String period) {
      this.base = base;
      this.tenantKey = tenantKey;
      this.period = period;
    }

    void start() {
      thread.start();
    }

    /** Waits until {@code more} whole rounds of reads have been made from now on. */
    void awaitRounds(int more) throws InterruptedException {
      int target = rounds.get() + 1 + more; // the round in progress may have begun before
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (rounds.get() < target) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the reads made no " + more + " rounds within 60 s");
        }
        Thread.sleep(50);
      }
    }

    /** Names what ClickHouse is going through, for the violations' messages. */
    void phase(String now) {
      phase = now + " (at " + since() + " ms)";
    }

    private long since() {
      return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }

    @Override
    public void run() {
      while (running.get()) {
        read("/api/v1/metrics?period=" + period + "&level=county", ADMIN_KEY);
        read("/api/v1/me", tenantKey);
        HttpResponse<String> health = read("/healthz", null);
        if (health != null && health.body().contains("\"clickhouse\":\"unreachable\"")) {
          healthSawUnreachable.set(true);
        }
        rounds.incrementAndGet();
        pause(); // well below the API's per-key rate limit
      }
    }

    private static void pause() {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private HttpResponse<String> read(String path, String key) {
      long started = System.nanoTime();
      try {
        HttpResponse<String> r = get(base, path, key);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (r.statusCode() == 503) {
          unavailable.incrementAndGet();
        }
        if ((r.statusCode() != 200 && r.statusCode() != 503)
            || took.compareTo(ANSWER_WITHIN) >= 0) {
          violations.add(
              path
                  + " → "
                  + r.statusCode()
                  + " after "
                  + took.toMillis()
                  + " ms, sent at "
                  + (since() - took.toMillis())
                  + " ms, ClickHouse "
                  + phase
                  + ": "
                  + r.body());
        }
        return r;
      } catch (Exception e) {
        long took = (System.nanoTime() - started) / 1_000_000;
        violations.add(
            path
                + " → "
                + e
                + " after "
                + took
                + " ms, sent at "
                + (since() - took)
                + " ms, ClickHouse "
                + phase);
        return null;
      }
    }
  }

  /** The WARN and ERROR lines of the platform's log (the last 60), to say why a read hung. */
  private static String warnings(Path log) {
    try (var lines = Files.lines(log)) {
      List<String> found =
          lines
              .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
              .filter(l -> !l.contains("Retrying.") && !l.contains("Failed to connect"))
              .toList();
      return String.join("\n", found.subList(Math.max(0, found.size() - 60), found.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static HttpResponse<String> get(String base, String path, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean restarted(PlatformProcess platform, ProcessHandle old) {
    return platform.clickHouseChild().filter(h -> h.pid() != old.pid()).isPresent();
  }

  private static void awaitRestart(PlatformProcess platform, ProcessHandle old)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!restarted(platform, old)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the supervisor did not start ClickHouse again within 60 s");
      }
      Thread.sleep(100);
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
