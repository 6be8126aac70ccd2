package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistryLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench freshness}: issue 16's goal 2. On a fresh platform, first a generated
 * history of {@code --history} versions is uploaded and processed (none by default); then {@code
 * --probes} uploads of {@code --probe-rows} new versions each are sent one at a time, and each
 * one's time from the answer to {@code processed} is measured (the state's checkpoint size printed
 * beside it, the cost that grows with history).
 */
@Command(
    name = "freshness",
    mixinStandardHelpOptions = true,
    description =
        "A small upload's time from its answer to processed, after an optional generated history.")
class FreshnessBench implements Callable<Integer> {

  static final Instant HISTORY_FROM =
      LocalDate.of(2024, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();

  @Option(
      names = "--history",
      description =
          "about this many generated versions uploaded first (default ${DEFAULT-VALUE}; held in"
              + " memory: 1,000,000 fit in the default heap)")
  long history = 0;

  @Option(names = "--probes", description = "uploads measured (default ${DEFAULT-VALUE})")
  int probes = 40;

  @Option(names = "--probe-rows", description = "rows per measured upload (${DEFAULT-VALUE})")
  int probeRows = 50;

  /** The history's upload rate in its first and its last tenth, rows/s; null without one. */
  private double[] tenths;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("liangshai-freshness");
    try {
      BenchCommand.onFreshPlatform("freshness", BenchCommand.ADMIN, p -> measure(p, work));
    } finally {
      TempDirs.deleteTree(work);
    }
    return 0;
  }

  private void measure(Platform platform, Path work) throws Exception {
    PlatformClient client = new PlatformClient(platform.baseUrl());
    double historySeconds = 0;
    long historyRows = 0;
    if (history > 0) {
      List<BenchCommand.Batch> batches =
          inTimeOrder(
              BenchCommand.batches(
                  platform,
                  client,
                  BenchCommand.ADMIN,
                  DemoCommand.readFeed(
                      feed(work.resolve("history.jsonl"), 1, HISTORY_FROM, history)),
                  2_000));
      Map<String, Instant> sentAt = new ConcurrentHashMap<>();
      long[] answerNanos = new long[batches.size()];
      long start = System.nanoTime();
      for (int i = 0; i < batches.size(); i++) {
        BenchCommand.Batch b = batches.get(i);
        long sent = System.nanoTime();
        JsonNode r = client.uploadCases(b.key(), "application/x-ndjson", b.body());
        answerNanos[i] = System.nanoTime() - sent;
        sentAt.put(r.get("batch_id").asText(), Instant.now());
        historyRows += b.rows();
      }
      tenths = new double[] {rate(batches, answerNanos, 0), rate(batches, answerNanos, 9)};
      BenchCommand.awaitAll(client, sentAt);
      historySeconds = (System.nanoTime() - start) / 1e9;
    }
    List<BenchCommand.Batch> probeBatches = probeBatches(platform, client, work);
    List<Long> latencies = new ArrayList<>();
    for (BenchCommand.Batch b : probeBatches) {
      JsonNode r = client.uploadCases(b.key(), "application/x-ndjson", b.body());
      latencies.addAll(
          BenchCommand.awaitAll(client, Map.of(r.get("batch_id").asText(), Instant.now())));
    }
    Collections.sort(latencies);
    System.out.println();
    System.out.printf(
        "| history | %,d versions uploaded and processed in %.1f s |%n",
        historyRows, historySeconds);
    System.out.println("|---|---|");
    if (tenths != null) {
      System.out.printf(
          "| history upload rate, first tenth → last tenth | %,.0f → %,.0f rows/s (%.2f×) |%n",
          tenths[0], tenths[1], tenths[1] / tenths[0]);
    }
    System.out.printf(
        "| the job's checkpoint storage (every file) | %,.1f MB |%n",
        bytesUnder(platform.checkpointDir()) / 1e6);
    System.out.printf(
        "| %d uploads of %d rows, one at a time: answer → processed | p50 %d ms, p95 %d ms, max %d"
            + " ms |%n",
        latencies.size(),
        probeRows,
        BenchCommand.pct(latencies, 50),
        BenchCommand.pct(latencies, 95),
        latencies.get(latencies.size() - 1));
  }

  /**
   * {@code batches} (each tenant's in the order of its feed, one tenant after another) taken in
   * turn, one of each tenant per round, so the history is sent about as the year went by.
   */
  private static List<BenchCommand.Batch> inTimeOrder(List<BenchCommand.Batch> batches) {
    Map<String, List<BenchCommand.Batch>> byKey = new LinkedHashMap<>();
    for (BenchCommand.Batch b : batches) {
      byKey.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(b);
    }
    List<BenchCommand.Batch> ordered = new ArrayList<>();
    for (int round = 0; ordered.size() < batches.size(); round++) {
      for (List<BenchCommand.Batch> own : byKey.values()) {
        if (round < own.size()) {
          ordered.add(own.get(round));
        }
      }
    }
    return ordered;
  }

  /**
   * Rows per second of answered upload in tenth {@code tenth} (0–9) of {@code batches}, in the
   * order sent: the rows of its batches over the time from each one's request to its answer.
   */
  private static double rate(List<BenchCommand.Batch> batches, long[] answerNanos, int tenth) {
    int from = batches.size() * tenth / 10;
    int to = Math.max(from + 1, batches.size() * (tenth + 1) / 10);
    long rows = 0;
    long nanos = 0;
    for (int i = from; i < to; i++) {
      rows += batches.get(i).rows();
      nanos += answerNanos[i];
    }
    return rows / (nanos / 1e9);
  }

  /**
   * {@code --probes} bodies of {@code --probe-rows} rows of one county, from a feed generated after
   * the history, so every row is a new version.
   */
  private List<BenchCommand.Batch> probeBatches(Platform platform, PlatformClient client, Path work)
      throws Exception {
    Tenant county =
        platform.registry().all().stream()
            .filter(t -> t.level() == TenantLevel.COUNTY)
            .findFirst()
            .orElseThrow();
    Path file = work.resolve("probes.jsonl");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new FeedGenerator(
              List.of(county),
              2,
              HISTORY_FROM.plus(Duration.ofDays(400)),
              Duration.ofDays(30),
              FeedGaming.NONE,
              false)
          .write((long) probes * probeRows, out);
    }
    List<BenchCommand.Batch> all =
        BenchCommand.batches(
            platform, client, BenchCommand.ADMIN, DemoCommand.readFeed(file), probeRows);
    return all.subList(0, Math.min(probes, all.size()));
  }

  /** A generated feed of about {@code versions} lines from {@code from}, over 360 days. */
  static Path feed(Path file, long seed, Instant from, long versions) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new FeedGenerator(TenantRegistryLoader.loadDefault(), seed, from, Duration.ofDays(360))
          .write(versions / 2 + 1, out);
    }
    return file;
  }

  /** The bytes of every file under {@code dir}: checkpoints, changelog and shared state. */
  private static long bytesUnder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long bytes = 0;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        bytes += Files.size(f);
      }
    }
    return bytes;
  }
}
