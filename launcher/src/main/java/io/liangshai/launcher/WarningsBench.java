package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.PastCase;
import io.liangshai.risk.LearnedRiskModel;
import io.liangshai.risk.RiskTrainer;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.RiskHistory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench warnings}: the early-warning model over N cases in {@code case_facts}
 * (generated inside ClickHouse as {@code bench rankings} does): how long the platform takes to
 * learn its model once the cases are there, the training's read and fit timed alone, and the
 * latency of {@code GET /api/v1/warnings} for the province (every open case) and one county.
 */
@Command(
    name = "warnings",
    mixinStandardHelpOptions = true,
    description = "Risk-model training time and warnings-list latency over a large case_facts.")
class WarningsBench implements Callable<Integer> {

  @Option(names = "--cases", description = "cases in case_facts (default ${DEFAULT-VALUE})")
  long cases = 1_000_000;

  @Option(
      names = "--requests",
      description = "requests per list measured (default ${DEFAULT-VALUE})")
  int requests = 5;

  private static final String ADMIN = "admin-key-for-the-warnings-bench";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Within the generated quarter: cases received in the last 15 days are open, not overdue. */
  private static final Instant AS_OF = Instant.parse("2024-03-20T02:00:00Z");

  @Override
  public Integer call() throws Exception {
    BenchCommand.onFreshPlatform("warnings", ADMIN, this::measure);
    return 0;
  }

  private void measure(Platform platform) throws Exception {
    var counties = platform.registry().atLevel(TenantLevel.COUNTY);
    try (Connection c = DriverManager.getConnection(platform.clickhouseJdbcUrl());
        Statement st = c.createStatement()) {
      st.execute(RankingsBench.generateFacts(counties, cases));
    }
    Instant loaded = Instant.now();
    System.err.printf("generated %,d cases in ClickHouse%n", cases);
    JsonNode model = awaitModel(platform.baseUrl(), loaded);
    double toModel = Duration.between(loaded, Instant.now()).toMillis() / 1e3;

    DeadlineClock deadlines = new DeadlineClock(WorkingDayCalendar.china());
    long readMillis;
    long fitMillis;
    int read;
    try (Warehouse warehouse = Warehouse.open(platform.clickhouseJdbcUrl())) {
      RiskHistory history = new RiskHistory(warehouse);
      Instant horizon = history.mark().newestUpdate();
      long t = System.nanoTime();
      List<PastCase> past = history.pastCases(horizon, LearnedRiskModel.MAX_CASES);
      readMillis = (System.nanoTime() - t) / 1_000_000;
      read = past.size();
      t = System.nanoTime();
      new RiskTrainer(deadlines).train(past, horizon, Instant.now()).orElseThrow();
      fitMillis = (System.nanoTime() - t) / 1_000_000;
    }
    String asOf = "&as_of=" + URLEncoder.encode(AS_OF.toString(), StandardCharsets.UTF_8);
    String county = counties.get(0).code();
    List<long[]> province = list(platform.baseUrl(), "tenant=330000" + asOf);
    List<long[]> one = list(platform.baseUrl(), "tenant=" + county + asOf);
    System.out.println();
    System.out.printf("| early warning over %,d cases in case_facts | time |%n", cases);
    System.out.println("|---|---|");
    System.out.printf(
        "| cases loaded → the platform's model trained (≤ %d s to notice, then read + fit) | %.1f s |%n",
        LearnedRiskModel.CHECK.toSeconds(), toModel);
    System.out.printf(
        "| read the %,d latest cases whose deadline has passed (`RiskHistory.pastCases`) | %,d ms |%n",
        read, readMillis);
    System.out.printf(
        "| fit: split model, held-out scoring, served model (`RiskTrainer.train`) | %,d ms |%n",
        fitMillis);
    System.out.printf(
        "| `GET /api/v1/warnings?tenant=330000` at %s: %,d open cases, p50 / max of %d | %d / %d ms |%n",
        AS_OF, province.get(0)[1], requests, p50(province), max(province));
    System.out.printf(
        "| `GET /api/v1/warnings?tenant=%s`: %,d open cases, p50 / max of %d | %d / %d ms |%n",
        county, one.get(0)[1], requests, p50(one), max(one));
    System.out.println("model: " + model);
  }

  private static JsonNode awaitModel(String baseUrl, Instant after) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(20));
    while (Instant.now().isBefore(giveUp)) {
      JsonNode m = get(baseUrl, "/api/v1/warnings/model");
      if (m.get("cases").asLong() > 0
          && !Instant.parse(m.get("trained_at").asText()).isBefore(after)) {
        return m;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no model trained within 20 minutes");
  }

  /** {@code requests} lists as [milliseconds, rows], fastest first. */
  private List<long[]> list(String baseUrl, String query) throws Exception {
    List<long[]> times = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      JsonNode rows = get(baseUrl, "/api/v1/warnings?" + query).get("rows");
      times.add(new long[] {(System.nanoTime() - t) / 1_000_000, rows.size()});
    }
    times.sort((a, b) -> Long.compare(a[0], b[0]));
    return times;
  }

  private static long p50(List<long[]> sorted) {
    return sorted.get((sorted.size() - 1) / 2)[0];
  }

  private static long max(List<long[]> sorted) {
    return sorted.get(sorted.size() - 1)[0];
  }

  private static JsonNode get(String baseUrl, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + ADMIN)
                    .timeout(Duration.ofMinutes(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " → " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
