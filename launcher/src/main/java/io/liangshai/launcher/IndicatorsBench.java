package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench indicators}: the 8+X indicators (SPEC §7) over N stored cases — (a) a
 * case indicator defined after the cases are in, until its values are there (case indicators are
 * {@code countIf} columns over {@code case_facts}, so nothing is back-filled: the first answer is
 * the first scan), and (b) the league table of a scheme of six indicators (the four built-in rates,
 * a defined ratio and a defined mean) against the bare ClickHouse queries behind it, measured side
 * by side, round after round. The cases are generated inside ClickHouse (INSERT … SELECT FROM
 * numbers) in the shape the stream job writes, with channels and categories spread over the 1+8+N
 * sections, county by county.
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description =
        "A case indicator defined over N stored cases, and a 6-indicator league table against its"
            + " bare ClickHouse queries.")
class IndicatorsBench implements Callable<Integer> {

  @Option(names = "--cases", description = "cases in case_facts (default ${DEFAULT-VALUE})")
  long cases = 2_000_000;

  @Option(names = "--rounds", description = "timed rounds of each (default ${DEFAULT-VALUE})")
  int rounds = 7;

  private static final String ADMIN = "admin-key-for-the-indicators-bench";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERIOD = "2024-02";

  /** Channels, by share: 12345 hotline 35%, online 20%, window 15%, visits 10%, … */
  static final String CHANNEL =
      "multiIf(bitShiftRight(r, 32) % 100 < 35, 'hotline_12345', bitShiftRight(r, 32) % 100 < 55,"
          + " 'online_platform', bitShiftRight(r, 32) % 100 < 70, 'service_window',"
          + " bitShiftRight(r, 32) % 100 < 80, 'enterprise_visit', bitShiftRight(r, 32) % 100 < 88,"
          + " 'department_referral', bitShiftRight(r, 32) % 100 < 93, 'good_bad_review',"
          + " bitShiftRight(r, 32) % 100 < 97, 'leader_assigned', 'other')";

  /** Categories, by share shifted county by county: policy 18%, project 15%, finance 12%, … */
  static final String CATEGORY =
      "multiIf((bitShiftRight(r, 40) + i * 7) % 100 < 18, 'policy', (bitShiftRight(r, 40) + i * 7)"
          + " % 100 < 33, 'project', (bitShiftRight(r, 40) + i * 7) % 100 < 45, 'finance',"
          + " (bitShiftRight(r, 40) + i * 7) % 100 < 65, 'general', (bitShiftRight(r, 40) + i * 7)"
          + " % 100 < 73, 'talent', (bitShiftRight(r, 40) + i * 7) % 100 < 80, 'legal',"
          + " (bitShiftRight(r, 40) + i * 7) % 100 < 86, 'innovation', (bitShiftRight(r, 40) + i *"
          + " 7) % 100 < 91, 'opening', (bitShiftRight(r, 40) + i * 7) % 100 < 95, 'data', 'other')";

  /** 政策类问题按时办结率: of the closed policy cases, those closed in time. */
  static final String RATIO =
      "{\"code\":\"policy_in_time\",\"name\":\"政策类问题按时办结率\",\"kind\":\"case_ratio\","
          + "\"direction\":\"higher_better\",\"target\":0.8,"
          + "\"denominator\":{\"category\":[\"policy\"],\"closed\":true},"
          + "\"numerator\":{\"overdue_closed\":false}}";

  /** 项目类问题平均办理时长: the mean handling time of closed project cases. */
  static final String MEAN =
      "{\"code\":\"project_days\",\"name\":\"项目类问题平均办理时长\",\"kind\":\"case_mean_days\","
          + "\"direction\":\"lower_better\",\"filter\":{\"category\":[\"project\"]}}";

  static final String SCHEME =
      "{\"id\":\"bench_six\",\"name\":\"六项指标方案\",\"indicators\":["
          + "{\"rate\":\"resolution_rate\",\"weight\":2,\"direction\":\"higher_better\"},"
          + "{\"rate\":\"overdue_rate\",\"weight\":1,\"direction\":\"lower_better\"},"
          + "{\"rate\":\"recurrence_rate\",\"weight\":1,\"direction\":\"lower_better\"},"
          + "{\"rate\":\"satisfaction_rate\",\"weight\":2,\"direction\":\"higher_better\"},"
          + "{\"rate\":\"policy_in_time\",\"weight\":1,\"direction\":\"higher_better\"},"
          + "{\"rate\":\"project_days\",\"weight\":1,\"direction\":\"lower_better\"}]}";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String base;

  @Override
  public Integer call() throws Exception {
    BenchCommand.onFreshPlatform("indicators", ADMIN, this::measure);
    return 0;
  }

  private void measure(Platform platform) throws Exception {
    base = platform.baseUrl();
    List<Tenant> counties = platform.registry().atLevel(TenantLevel.COUNTY);
    long loadStart = System.nanoTime();
    Instant loaded = Instant.now();
    try (Connection c = DriverManager.getConnection(platform.clickhouseJdbcUrl());
        Statement st = c.createStatement()) {
      st.execute(RankingsBench.generateFacts(counties, cases, CHANNEL, CATEGORY));
      for (String kind : List.of("month", "quarter")) {
        st.execute(RankingsBench.aggregateCounts(kind));
      }
    }
    System.err.printf(
        "generated %,d cases in ClickHouse in %.1f s%n",
        cases, (System.nanoTime() - loadStart) / 1e9);
    // the platform learns its risk model from new cases in the background: not while measuring
    awaitModel(loaded);
    String metrics = "/api/v1/metrics?period=" + PERIOD + "&level=county";
    // yardstick of (a): the same answer before the indicator exists (the built-in rates only)
    List<Long> before = times(() -> send("GET", metrics, null));
    long defineStart = System.nanoTime();
    send("POST", "/api/v1/indicators", RATIO);
    long defined = (System.nanoTime() - defineStart) / 1_000_000;
    JsonNode first = send("GET", metrics, null);
    long ready = (System.nanoTime() - defineStart) / 1_000_000;
    requireValues(first, "policy_in_time");
    List<Long> warmMetrics = times(() -> send("GET", metrics, null));
    send("POST", "/api/v1/indicators", MEAN);
    send("POST", "/api/v1/schemes", SCHEME);
    String table = "/api/v1/rankings?period=" + PERIOD + "&group=counties&scheme=bench_six";
    IndicatorsBenchQueries bare = new IndicatorsBenchQueries(counties);
    List<Long> api = new ArrayList<>();
    List<Long> yardstick = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(platform.clickhouseJdbcUrl())) {
      for (int i = 0; i <= rounds; i++) { // round 0 is the first (cold) answer of each
        yardstick.add(time(() -> bare.run(c)));
        api.add(time(() -> send("GET", table, null)));
      }
    }
    print(defined, ready, before, warmMetrics, api, yardstick);
  }

  private void print(
      long defined,
      long ready,
      List<Long> before,
      List<Long> warmMetrics,
      List<Long> api,
      List<Long> yardstick) {
    System.out.println();
    System.out.printf("| %,d cases in case_facts, %s, 90 counties | ms |%n", cases, PERIOD);
    System.out.println("|---|---|");
    System.out.printf("| `POST /api/v1/indicators` (a new `case_ratio`) | %d |%n", defined);
    System.out.printf(
        "| defined → first `GET /api/v1/metrics?period=%s&level=county` with its values (90 rows)"
            + " | %d |%n",
        PERIOD, ready);
    System.out.printf(
        "| the same again, p50 / max of %d | %d / %d |%n",
        rounds, pct(warmMetrics, 50), pct(warmMetrics, 100));
    System.out.printf(
        "| yardstick: the same request before the indicator existed, p50 / max of %d | %d / %d |%n",
        rounds, pct(before, 50), pct(before, 100));
    System.out.printf(
        "| ratio first answer / yardstick p50; warm p50 / yardstick p50 | %.1f×; **%.1f×** |%n",
        (double) ready / Math.max(1, pct(before, 50)),
        (double) pct(warmMetrics, 50) / Math.max(1, pct(before, 50)));
    List<Long> warmApi = sorted(api.subList(1, api.size()));
    List<Long> warmBare = sorted(yardstick.subList(1, yardstick.size()));
    System.out.println();
    System.out.println(
        "| league table of `bench_six` (6 indicators), counties | first | p50 | max |");
    System.out.println("|---|---|---|---|");
    System.out.printf(
        "| yardstick: its bare ClickHouse queries over JDBC (7) | %d | %d | %d |%n",
        yardstick.get(0), pct(warmBare, 50), pct(warmBare, 100));
    System.out.printf(
        "| `GET /api/v1/rankings?period=%s&group=counties&scheme=bench_six` | %d | %d | %d |%n",
        PERIOD, api.get(0), pct(warmApi, 50), pct(warmApi, 100));
    System.out.printf(
        "| ratio API / yardstick | %.1f× | **%.1f×** | |%n",
        (double) api.get(0) / Math.max(1, yardstick.get(0)),
        (double) pct(warmApi, 50) / Math.max(1, pct(warmBare, 50)));
  }

  /**
   * Waits until the platform's risk model has been learned from the cases loaded at {@code after}.
   */
  private void awaitModel(Instant after) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(20));
    while (Instant.now().isBefore(giveUp)) {
      JsonNode m = send("GET", "/api/v1/warnings/model", null);
      if (m.get("cases").asLong() > 0
          && !Instant.parse(m.get("trained_at").asText()).isBefore(after)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no risk model learned within 20 minutes");
  }

  private static void requireValues(JsonNode answer, String code) {
    for (JsonNode row : answer.get("rows")) {
      if (!row.path("indicators").path(code).path("value").isNull()) {
        return;
      }
    }
    throw new IllegalStateException("no value of " + code + " in " + answer);
  }

  /** Something timed; any failure stops the bench. */
  @FunctionalInterface
  private interface Timed {
    void run() throws Exception;
  }

  private static long time(Timed what) throws Exception {
    long t = System.nanoTime();
    what.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private List<Long> times(Timed what) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      times.add(time(what));
    }
    return sorted(times);
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + ADMIN)
            .timeout(Duration.ofMinutes(10));
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static List<Long> sorted(List<Long> times) {
    List<Long> copy = new ArrayList<>(times);
    Collections.sort(copy);
    return copy;
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(
        Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
  }
}
