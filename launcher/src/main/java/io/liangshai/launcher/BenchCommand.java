package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.config.LiangshaiConfig;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench}: uploads a feed through the API into a fresh platform and measures
 * upload throughput and upload→processed latency, against the same rows inserted straight into
 * ClickHouse with {@code FORMAT JSONEachRow} as the yardstick.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {
      RankingsBench.class,
      IndicatorsBench.class,
      IntakeBench.class,
      IsolationBench.class,
      WarningsBench.class,
      ProblemsBench.class,
      FreshnessBench.class
    },
    description = {
      "Measures the pipeline on a fresh platform in a temporary directory; prints a Markdown table.",
      "`bench rankings` measures league tables under concurrent clients instead;",
      "`bench indicators` a case indicator defined over N stored cases and a 6-indicator table;",
      "`bench isolation` another tenant's /api/v1/me while a big XLSX is ingested;",
      "`bench problems` the common problems' grouping (举一反三) of a month of 100,000 cases;",
      "`bench freshness` a small upload's time to processed, fresh and after a history."
    })
class BenchCommand implements Callable<Integer> {

  @Option(names = "--feed", description = "a JSON Lines feed (default: the sample feed)")
  Path feed =
      Path.of(System.getProperty("liangshai.home", "."))
          .resolve("samples/sample-feed-2024-01-02.jsonl.gz");

  @Option(names = "--batch-rows", description = "rows per upload (default ${DEFAULT-VALUE})")
  int batchRows = 2_000;

  @Option(
      names = "--generate",
      description =
          "instead of --feed, a generated feed of at least N versions (seed 3, every tenant, 2024)")
  long generate = 0;

  static final String ADMIN = "admin-key-for-the-benchmark-run";

  /**
   * The configuration of a platform measured by a bench: its data in {@code dataDir} (a fresh
   * temporary directory), HTTP on a free port, {@code adminKey} as the admin key.
   */
  static LiangshaiConfig freshPlatform(Path dataDir, String adminKey) {
    return LiangshaiConfig.from(
            Map.of("LIANGSHAI_DATA_DIR", dataDir.toString(), "LIANGSHAI_HTTP_PORT", "0"))
        .withAdminKey(adminKey);
  }

  /** What a bench measures on the platform {@link #onFreshPlatform} started for it. */
  @FunctionalInterface
  interface Measurement {
    void measure(Platform platform) throws Exception;
  }

  /**
   * Starts a platform of {@link #freshPlatform} over a new temporary directory named after {@code
   * bench}, has {@code measurement} measure it, stops it and deletes the directory.
   */
  static void onFreshPlatform(String bench, String adminKey, Measurement measurement)
      throws Exception {
    Path dir = Files.createTempDirectory("liangshai-bench-" + bench);
    try (Platform platform = new Platform(freshPlatform(dir, adminKey))) {
      platform.start();
      measurement.measure(platform);
    } finally {
      TempDirs.deleteTree(dir);
    }
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("liangshai-bench");
    LiangshaiConfig config = freshPlatform(dir, ADMIN);
    Path source =
        generate > 0
            ? FreshnessBench.feed(
                dir.resolve("generated.jsonl"), 3, FreshnessBench.HISTORY_FROM, generate)
            : feed;
    Map<String, List<String>> byTenant = DemoCommand.readFeed(source);
    List<Batch> batches = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    try (Platform platform = new Platform(config)) {
      platform.start();
      PlatformClient client = new PlatformClient(platform.baseUrl());
      batches.addAll(batches(platform, client, ADMIN, byTenant, batchRows));
      for (Batch b : batches) {
        rows += b.rows();
        bytes += b.body().length;
      }
      Map<String, Instant> sentAt = new ConcurrentHashMap<>();
      Instant start = Instant.now();
      Instant halfway = start;
      long secondHalfRows = 0;
      for (int i = 0; i < batches.size(); i++) {
        Batch b = batches.get(i);
        if (i == batches.size() / 2) {
          halfway = Instant.now();
        }
        if (i >= batches.size() / 2) {
          secondHalfRows += b.rows();
        }
        JsonNode r = client.uploadCases(b.key, "application/x-ndjson", b.body);
        sentAt.put(r.get("batch_id").asText(), Instant.now());
      }
      Instant uploaded = Instant.now();
      List<Long> latencies = awaitAll(client, sentAt);
      Instant processed = Instant.now();

      double uploadSeconds = Duration.between(start, uploaded).toNanos() / 1e9;
      double secondHalfSeconds = Duration.between(halfway, uploaded).toNanos() / 1e9;
      double allSeconds = Duration.between(start, processed).toNanos() / 1e9;
      double yardstick = jsonEachRow(platform.clickhouseJdbcUrl(), batches);
      Collections.sort(latencies);
      System.out.println();
      System.out.printf(
          "| feed | %s: %,d rows, %,d batches, %.1f MB |%n",
          source.getFileName(), rows, batches.size(), bytes / 1e6);
      System.out.println("|---|---|");
      System.out.printf(
          "| upload through the API (validate, dedup, fsync, Kafka) | %.2f s, **%,.0f rows/s** |%n",
          uploadSeconds, rows / uploadSeconds);
      System.out.printf(
          "| its second half (batches %d to %d) | %.2f s, %,.0f rows/s |%n",
          batches.size() / 2 + 1,
          batches.size(),
          secondHalfSeconds,
          secondHalfRows / secondHalfSeconds);
      System.out.printf(
          "| upload → processed, per batch | p50 %d ms, p95 %d ms, max %d ms |%n",
          pct(latencies, 50), pct(latencies, 95), latencies.get(latencies.size() - 1));
      System.out.printf(
          "| first upload → every batch processed | %.2f s, %,.0f rows/s end to end |%n",
          allSeconds, rows / allSeconds);
      System.out.printf(
          "| yardstick: same rows `INSERT … FORMAT JSONEachRow` straight into ClickHouse | %.2f s, %,.0f rows/s |%n",
          yardstick, rows / yardstick);
      System.out.printf(
          "| upload rate / yardstick rate (issue 16, goal 1: ≥ 0.5) | **%.3f** (second half %.3f) |%n",
          yardstick / uploadSeconds, (secondHalfRows / secondHalfSeconds) / (rows / yardstick));
      System.out.printf("| ratio end to end / yardstick | %.1f× |%n", allSeconds / yardstick);
    } finally {
      TempDirs.deleteTree(dir);
    }
    return 0;
  }

  /**
   * The feed {@code byTenant} as upload bodies of at most {@code batchRows} rows, each with a key
   * issued for its tenant (an unknown tenant's rows are sent with {@code adminKey}).
   */
  static List<Batch> batches(
      Platform platform,
      PlatformClient client,
      String adminKey,
      Map<String, List<String>> byTenant,
      int batchRows)
      throws IOException {
    List<Batch> batches = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byTenant.entrySet()) {
      String key =
          platform.registry().find(e.getKey()).isPresent()
              ? client.issueKey(adminKey, e.getKey(), "bench")
              : adminKey;
      List<String> lines = e.getValue();
      for (int from = 0; from < lines.size(); from += batchRows) {
        List<String> part = lines.subList(from, Math.min(lines.size(), from + batchRows));
        byte[] body = (String.join("\n", part) + "\n").getBytes(StandardCharsets.UTF_8);
        batches.add(new Batch(key, body, part.size()));
      }
    }
    return batches;
  }

  /** Polls every batch of {@code sentAt} until processed; each one's latency from its send, ms. */
  static List<Long> awaitAll(PlatformClient client, Map<String, Instant> sentAt)
      throws IOException, InterruptedException {
    List<Long> latencies = new ArrayList<>();
    List<String> pending = new ArrayList<>(sentAt.keySet());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
      for (var it = pending.iterator(); it.hasNext(); ) {
        String id = it.next();
        JsonNode b = client.batch(ADMIN, id);
        if ("processed".equals(b.get("state").asText())) {
          latencies.add(Duration.between(sentAt.get(id), Instant.now()).toMillis());
          it.remove();
        }
      }
      Thread.sleep(50);
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " batches were not processed in 30 minutes");
    }
    return latencies;
  }

  /** Inserts the same batches into a plain table with JSONEachRow over HTTP; returns seconds. */
  private static double jsonEachRow(String jdbcUrl, List<Batch> batches) throws Exception {
    // keep the URL's parameters: they carry the local ClickHouse's user and password
    String http = jdbcUrl.replaceFirst("^jdbc:clickhouse:", "").replaceFirst("/[^/?]*\\?", "/?");
    HttpClient client = HttpClient.newHttpClient();
    post(client, http, "DROP TABLE IF EXISTS bench_json_each_row", null);
    post(
        client,
        http,
        "CREATE TABLE bench_json_each_row (case_id String, tenant_code String, updated_at String,"
            + " enterprise_uscc String, enterprise_name Nullable(String), channel String, category String,"
            + " received_at String, deadline Nullable(String), status String, closed_at Nullable(String),"
            + " escalation_level Nullable(String), reassigned_count Nullable(String), leader_instructed Nullable(String),"
            + " satisfaction Nullable(String), description Nullable(String)) ENGINE = MergeTree ORDER BY tuple()",
        null);
    long start = System.nanoTime();
    for (Batch b : batches) {
      post(
          client,
          http,
          "INSERT INTO bench_json_each_row SETTINGS input_format_skip_unknown_fields = 1, "
              + "input_format_json_read_bools_as_strings = 1, input_format_json_read_numbers_as_strings = 1"
              + " FORMAT JSONEachRow",
          b.body);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    post(client, http, "DROP TABLE bench_json_each_row", null);
    return seconds;
  }

  private static void post(HttpClient client, String url, String query, byte[] body)
      throws Exception {
    byte[] sql = (query + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = body == null ? sql : concat(sql, body);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(all))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("ClickHouse: " + r.statusCode() + " " + r.body());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The {@code p}th percentile of {@code sorted} (nearest rank). */
  static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** One upload: its key, body and number of rows. */
  record Batch(String key, byte[] body, int rows) {}
}
