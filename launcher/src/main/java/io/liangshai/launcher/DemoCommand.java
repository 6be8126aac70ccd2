package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.config.LiangshaiConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai demo}: runs the platform and loads the sample feed through the API, each
 * tenant with its own key, as the cities and counties would.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs the platform with the sample feed (Jan–Feb 2024) loaded; prints where to look.")
class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--sample",
      description = "the feed to load (default: samples/sample-feed-2024-01-02.jsonl.gz)")
  Path sample =
      Path.of(System.getProperty("liangshai.home", "."))
          .resolve("samples/sample-feed-2024-01-02.jsonl.gz");

  private static final Pattern TENANT = Pattern.compile("\"tenant_code\":\\s*\"([^\"]*)\"");

  @Override
  public Integer call() throws Exception {
    LiangshaiConfig config = RunCommand.withAdminKey(LiangshaiConfig.fromEnvironment());
    Platform platform = new Platform(config);
    if (!Files.isReadable(sample)) {
      throw new IllegalArgumentException("cannot read the sample feed " + sample);
    }
    RunCommand.startAndWait(platform, () -> loadAndPrint(platform, config, sample));
    return 0;
  }

  private static void loadAndPrint(Platform platform, LiangshaiConfig config, Path sample)
      throws Exception {
    String admin = config.adminKey().orElseThrow();
    PlatformClient client = new PlatformClient(platform.baseUrl());
    Map<String, List<String>> byTenant = readFeed(sample);
    System.err.printf("loading the sample feed: %d tenants …%n", byTenant.size());
    long accepted = 0;
    long ignored = 0;
    long rejected = 0;
    List<String> batches = new ArrayList<>();
    String someCountyKey = null;
    String someCounty = null;
    for (Map.Entry<String, List<String>> e : byTenant.entrySet()) {
      String tenant = e.getKey();
      boolean known = platform.registry().find(tenant).isPresent();
      String key = known ? client.issueKey(admin, tenant, "demo upload") : admin;
      if (known && someCountyKey == null && !tenant.endsWith("00")) {
        someCountyKey = key;
        someCounty = tenant;
      }
      byte[] body = (String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
      JsonNode result = client.uploadCases(key, "application/x-ndjson", body);
      accepted += result.get("accepted").asLong();
      ignored += result.get("ignored").asLong();
      rejected += result.get("rejected").asLong();
      batches.add(result.get("batch_id").asText());
    }
    System.err.printf(
        "uploaded %d batches: %d accepted, %d ignored (duplicates), %d rejected (see each"
            + " batch's errors)%n",
        batches.size(), accepted, ignored, rejected);
    waitProcessed(client, admin, batches);
    String url = platform.baseUrl();
    System.out.println();
    System.out.println(
        "liangshai demo is running with the sample feed (Jan–Feb 2024) — Ctrl-C stops it.");
    System.out.println("  web page   " + url + "/");
    System.out.println("  admin key  " + admin);
    System.out.println(
        "  try        curl -H 'Authorization: Bearer "
            + admin
            + "' '"
            + url
            + "/api/v1/metrics?period=2024-01&tenant=330000'");
    System.out.println(
        "             curl -H 'Authorization: Bearer "
            + admin
            + "' '"
            + url
            + "/api/v1/metrics?period=2024-Q1&level=city'");
    if (someCountyKey != null) {
      System.out.println("  a county   " + someCounty + " key " + someCountyKey);
    }
    System.out.println("  API docs   " + url + "/api/v1/openapi.yaml");
    System.out.println("  data       " + config.dataDir());
    System.out.println();
  }

  private static void waitProcessed(PlatformClient client, String admin, List<String> batches)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    List<String> pending = new ArrayList<>(batches);
    while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
      pending.removeIf(
          id -> {
            try {
              return "processed".equals(client.batch(admin, id).get("state").asText());
            } catch (IOException e) {
              return false;
            }
          });
      if (!pending.isEmpty()) {
        Thread.sleep(500);
      }
    }
    if (pending.isEmpty()) {
      System.err.println("every batch is processed: the indicators reflect the whole feed");
    } else {
      System.err.printf(
          "%d batches are still being processed; figures will follow%n", pending.size());
    }
  }

  /** A JSON Lines feed (gzipped or not) grouped by tenant_code, in file order. */
  static Map<String, List<String>> readFeed(Path feed) throws IOException {
    Map<String, List<String>> byTenant = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(feed)) {
      InputStream in = feed.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Matcher m = TENANT.matcher(line);
        String tenant = m.find() ? m.group(1) : "";
        byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(line);
      }
    }
    return byTenant;
  }
}
