package io.liangshai.launcher;

import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/liangshai bench rankings}: a league table over the 90 counties with N cases behind it,
 * asked by many concurrent clients, against the bare ClickHouse query behind it. The cases are
 * generated inside ClickHouse (INSERT … SELECT FROM numbers) in the shape the stream job writes, so
 * the benchmark measures reading, not loading.
 */
@Command(
    name = "rankings",
    mixinStandardHelpOptions = true,
    description = "League-table latency under concurrent clients over a large case_facts table.")
class RankingsBench implements Callable<Integer> {

  @Option(names = "--cases", description = "cases behind the table (default ${DEFAULT-VALUE})")
  long cases = 10_000_000;

  @Option(names = "--clients", description = "concurrent clients (default ${DEFAULT-VALUE})")
  int clients = 50;

  @Option(names = "--requests", description = "requests per client (default ${DEFAULT-VALUE})")
  int requests = 10;

  private static final String ADMIN = "admin-key-for-the-rankings-bench";

  @Override
  public Integer call() throws Exception {
    BenchCommand.onFreshPlatform("rankings", ADMIN, this::measure);
    return 0;
  }

  private void measure(Platform platform) throws Exception {
    List<Tenant> counties = platform.registry().atLevel(TenantLevel.COUNTY);
    long loadStart = System.nanoTime();
    try (Connection c = DriverManager.getConnection(platform.clickhouseJdbcUrl());
        Statement st = c.createStatement()) {
      st.execute(generateFacts(counties, cases));
      for (String kind : List.of("month", "quarter")) {
        st.execute(aggregateCounts(kind));
      }
    }
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    System.err.printf("generated %,d cases in ClickHouse in %.1f s%n", cases, loadSeconds);

    String path = "/api/v1/rankings?period=2024-02&group=counties&scheme=standard";
    List<Long> bare = bareQueries(platform.clickhouseJdbcUrl(), counties, 20);
    List<Long> cold = load(platform.baseUrl() + path, 1, 1).latencies();
    Run floor = load(platform.baseUrl() + "/api/v1/me", clients, requests);
    Run concurrent = load(platform.baseUrl() + path, clients, requests);
    List<Long> api = concurrent.latencies();
    List<Long> single = load(platform.baseUrl() + path, 1, 20).latencies();
    System.out.println();
    System.out.printf(
        "| league table 2024-02 / counties (90 tenants), %,d cases in case_facts | p50 | p99 |%n",
        cases);
    System.out.println("|---|---|---|");
    System.out.printf(
        "| bare ClickHouse: counts of this and the previous period (2 queries, JDBC) | %d ms | %d ms |%n",
        pct(bare, 50), pct(bare, 99));
    System.out.printf(
        "| first `GET %s` (computes: counts, the overdue_open scan of case_facts, ranking with 200 resamples and 200 weight draws) | %d ms | – |%n",
        path, cold.get(0));
    System.out.printf(
        "| the same again, 1 client (the table is kept while the counts and the minute stand) | %d ms | %d ms |%n",
        pct(single, 50), pct(single, 99));
    System.out.printf(
        "| the same, %d concurrent clients × %d requests | %d ms | %d ms |%n",
        clients, requests, pct(api, 50), pct(api, 99));
    System.out.println();
    System.out.printf(
        "| %d concurrent clients × %d requests, same server | requests/s | p50 | p99 | errors |%n",
        clients, requests);
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        "| yardstick: `GET /api/v1/me` (HTTP + auth) | %,.0f | %d ms | %d ms | 0 |%n",
        floor.rate(), pct(floor.latencies(), 50), pct(floor.latencies(), 99));
    System.out.printf(
        "| `GET %s` | %,.0f | %d ms | %d ms | 0 |%n",
        path, concurrent.rate(), pct(api, 50), pct(api, 99));
    System.out.printf(
        "| ratio league table / yardstick | **%.2f×** | | p99 %.1f× | |%n",
        concurrent.rate() / floor.rate(),
        (double) pct(api, 99) / Math.max(1, pct(floor.latencies(), 99)));
  }

  /** The sorted latencies of a load run and its rate; any answer but 200 fails the run. */
  record Run(List<Long> latencies, double rate) {}

  private static List<Long> bareQueries(String jdbcUrl, List<Tenant> counties, int rounds)
      throws Exception {
    String sql =
        "SELECT tenant_code, received, closed, overdue_closed, recurrences, rated, satisfied"
            + " FROM tenant_period_counts FINAL WHERE period_kind = 'month' AND period = ? AND has(?, tenant_code)";
    String[] codes = counties.stream().map(Tenant::code).toArray(String[]::new);
    List<Long> times = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      for (int i = 0; i < rounds; i++) {
        long t = System.nanoTime();
        for (String period : List.of("2024-02", "2024-01")) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            ps.setArray(2, c.createArrayOf("String", codes));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rs.getLong(2);
              }
            }
          }
        }
        times.add((System.nanoTime() - t) / 1_000_000);
      }
    }
    Collections.sort(times);
    return times;
  }

  private static Run load(String url, int clients, int requests) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + ADMIN)
            .timeout(Duration.ofMinutes(5))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                  long t = System.nanoTime();
                  HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                  }
                  mine.add((System.nanoTime() - t) / 1_000_000);
                }
                return mine;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Collections.sort(all);
    return new Run(all, all.size() / seconds);
  }

  /** Cases in the shape the stream job writes: 90 counties of different quality, Jan–Mar 2024. */
  static String generateFacts(List<Tenant> counties, long n) {
    return generateFacts(counties, n, "'hotline_12345'", "'general'");
  }

  /**
   * As {@link #generateFacts(List, long)}, each case's channel and category given by SQL
   * expressions over {@code number}, {@code i} (the county's index) and {@code r} (a hash).
   */
  static String generateFacts(List<Tenant> counties, long n, String channel, String category) {
    String tuples =
        counties.stream()
            .map(t -> "('" + t.code() + "','" + t.parentCode().orElseThrow() + "')")
            .collect(Collectors.joining(","));
    return "INSERT INTO case_facts (tenant_code, case_id, ancestors, updated_at, enterprise_uscc,"
        + " channel, category, status, received_at, deadline, deadline_derived, closed_at,"
        + " escalation_level, reassigned_count, leader_instructed, satisfaction, recurrence,"
        + " overdue_closed, period_month, period_quarter, period_year, period_week, version)"
        + " SELECT t.1, toString(number), [t.1, t.2, '330000'], received + INTERVAL 1 DAY,"
        + " concat('91', t.1, 'BENCH', toString(number % 997)), "
        + channel
        + ", "
        + category
        + ","
        + " if(r % 100 < 70 + i % 25, 'closed', 'in_progress'),"
        + " received, received + INTERVAL 15 DAY, 1,"
        + " if(r % 100 < 70 + i % 25, received + toIntervalHour(r % (24 * (10 + i % 15))), NULL),"
        + " 'county', toUInt32(r % 50 = 0), toUInt8(r % 70 = 0),"
        + " if(r % 100 < 70 + i % 25 AND bitShiftRight(r, 8) % 4 > 0, if(bitShiftRight(r, 16) % 100 < 80 + i % 15, 'satisfied', 'dissatisfied'), NULL),"
        + " toUInt8(bitShiftRight(r, 24) % 100 < 5 + i % 10),"
        + " toUInt8(r % 100 < 70 + i % 25 AND (r % (24 * (10 + i % 15))) > 360),"
        + " formatDateTime(received, '%Y-%m', 'Asia/Shanghai'),"
        + " concat(toString(toYear(received, 'Asia/Shanghai')), '-Q', toString(toQuarter(received, 'Asia/Shanghai'))),"
        + " toString(toYear(received, 'Asia/Shanghai')),"
        + " concat(toString(toISOYear(received, 'Asia/Shanghai')), '-W', leftPad(toString(toISOWeek(received, 'Asia/Shanghai')), 2, '0')),"
        + " 1"
        + " FROM (SELECT number, number % 90 AS i, cityHash64(number) AS r,"
        + " arrayElement(["
        + tuples
        + "], number % 90 + 1) AS t,"
        + " toDateTime64('2023-12-31 16:00:00', 6, 'UTC') + toIntervalSecond(cityHash64(number, 1) % (91 * 86400)) AS received"
        + " FROM numbers("
        + n
        + "))";
  }

  static String aggregateCounts(String kind) {
    return "INSERT INTO "
        + TenantPeriodCountsTable.TABLE
        + " ("
        + String.join(", ", TenantPeriodCountsTable.INSERT.columns())
        + ") SELECT '"
        + kind
        + "', period_"
        + kind
        + ", t,"
        + " count(), countIf(status = 'closed'), countIf(overdue_closed = 1), countIf(recurrence = 1),"
        + " countIf(satisfaction IS NOT NULL), countIf(satisfaction = 'satisfied'),"
        + " countIf(satisfaction = 'dissatisfied'), countIf(reassigned_count > 0),"
        + " countIf(leader_instructed = 1), 0, 1"
        + " FROM case_facts ARRAY JOIN ancestors AS t GROUP BY period_"
        + kind
        + ", t";
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(
        Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
  }
}
