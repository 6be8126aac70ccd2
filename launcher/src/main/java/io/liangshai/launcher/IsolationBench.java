package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.BatchFormat;
import java.io.IOException;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench isolation}: does one tenant's big upload slow down another tenant? On
 * a fresh platform over loopback, measures a county's {@code GET /api/v1/me} while the server is
 * idle and again while the province uploads a generated XLSX ({@link IntakeBench#generate}), and
 * prints both p95s and their ratio (the goal: at most 3×).
 */
@Command(
    name = "isolation",
    mixinStandardHelpOptions = true,
    description =
        "Another tenant's /api/v1/me p95 while a big XLSX is ingested, against the idle server.")
class IsolationBench implements Callable<Integer> {

  private static final String ADMIN = "admin-key-for-the-isolation-bench";
  private static final String PROBE_TENANT = "330522";

  @Option(names = "--rows", description = "rows in the workbook (default ${DEFAULT-VALUE})")
  int rows = 200_000;

  @Option(
      names = "--idle-probes",
      description = "requests measured on the idle server (default ${DEFAULT-VALUE})")
  int idleProbes = 300;

  @Option(
      names = "--pause-ms",
      description = "pause between two probes (default ${DEFAULT-VALUE} ms)")
  int pauseMillis = 20;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("liangshai-isolation-bench");
    try {
      Path xlsx = IntakeBench.generate(dir.resolve("cases.xlsx"), rows);
      byte[] body = Files.readAllBytes(xlsx);
      LiangshaiConfig config =
          LiangshaiConfig.from(
                  Map.of(
                      "LIANGSHAI_DATA_DIR", dir.resolve("data").toString(),
                      "LIANGSHAI_HTTP_PORT", "0",
                      "LIANGSHAI_REQUESTS_PER_MINUTE", "1000000"))
              .withAdminKey(ADMIN);
      try (Platform platform = new Platform(config)) {
        platform.start();
        run(platform, body);
      }
    } finally {
      TempDirs.deleteTree(dir);
    }
    return 0;
  }

  private void run(Platform platform, byte[] workbook) throws Exception {
    PlatformClient client = new PlatformClient(platform.baseUrl());
    String key = client.issueKey(ADMIN, PROBE_TENANT, "isolation bench");
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest me =
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/me"))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofMinutes(1))
            .build();
    for (int i = 0; i < 50; i++) {
      probe(http, me); // warm-up: JIT, connection, key cache
    }
    List<Long> idle = new ArrayList<>();
    for (int i = 0; i < idleProbes; i++) {
      idle.add(probe(http, me));
      TimeUnit.MILLISECONDS.sleep(pauseMillis);
    }
    long started = System.nanoTime();
    CompletableFuture<JsonNode> upload =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.uploadCases(ADMIN, BatchFormat.XLSX_CONTENT_TYPE, workbook);
              } catch (IOException e) {
                throw new IllegalStateException("the upload failed: " + e.getMessage(), e);
              }
            });
    List<Long> busy = new ArrayList<>();
    while (!upload.isDone()) {
      busy.add(probe(http, me));
      TimeUnit.MILLISECONDS.sleep(pauseMillis);
    }
    JsonNode result = upload.join();
    double ingestSeconds = (System.nanoTime() - started) / 1e9;
    print(workbook.length, result, ingestSeconds, idle, busy);
  }

  /** One {@code /me}: its latency in microseconds; anything but 200 stops the bench. */
  private static long probe(HttpClient http, HttpRequest me) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r = http.send(me, HttpResponse.BodyHandlers.ofString());
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("/api/v1/me → " + r.statusCode() + " " + r.body());
    }
    return micros;
  }

  private void print(
      long bytes, JsonNode result, double ingestSeconds, List<Long> idle, List<Long> busy) {
    Collections.sort(idle);
    Collections.sort(busy);
    double idleP95 = pct(idle, 95) / 1000.0;
    double busyP95 = busy.isEmpty() ? Double.NaN : pct(busy, 95) / 1000.0;
    double ratio = busyP95 / idleP95;
    System.out.println();
    System.out.printf(
        "| workbook | %,d rows, %.1f MB; %,d accepted in %.1f s (upload and ingest) |%n",
        rows, bytes / 1e6, result.get("accepted").asInt(), ingestSeconds);
    System.out.println("|---|---|");
    System.out.printf(
        "| another tenant's `/api/v1/me`, idle server | p50 %.2f ms, p95 **%.2f ms** (%d requests) |%n",
        pct(idle, 50) / 1000.0, idleP95, idle.size());
    System.out.printf(
        "| the same while the workbook is ingested | p50 %.2f ms, p95 **%.2f ms**, max %.2f ms (%d"
            + " requests) |%n",
        busy.isEmpty() ? Double.NaN : pct(busy, 50) / 1000.0,
        busyP95,
        busy.isEmpty() ? Double.NaN : busy.get(busy.size() - 1) / 1000.0,
        busy.size());
    System.out.printf(
        "| ratio of the p95s (goal ≤ 3×) | **%.2f×** %s |%n", ratio, ratio <= 3 ? "" : "(over)");
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
