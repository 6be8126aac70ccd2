package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.CaseVersions;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.time.ChinaTime;
import io.liangshai.core.time.Deadlines;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data governance (SPEC §10) on the whole platform — Flink, ClickHouse, PostgreSQL, HTTP — over a
 * feed {@code bin/liangshai generate} writes with five 湖州 counties each gaming one flag and 瑞安市
 * going silent in April. The flags, the reporting and the sign-offs the API answers are held
 * against the rules computed here, independently, from the generated records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-governance-itcase";

  @RegisterExtension static final PlatformExtension PLATFORM = new PlatformExtension(ADMIN_KEY);

  private static final String CITY = "330500";
  private static final Map<String, String> GAMES =
      Map.of(
          "closed_at_rewritten", "330502",
          "closed_at_deadline", "330503",
          "withdrawal_spike", "330521",
          "uniform_satisfaction", "330522",
          "instant_closing", "330523");
  private static final String SILENT = "330381";
  private static final String NORMAL = "330102";
  private static final List<String> MONTHS = List.of("2024-01", "2024-02", "2024-03", "2024-04");
  private static final int BATCH_ROWS = 700;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  @TempDir static Path work;
  private static String url;
  private static PlatformClient client;
  private static final Map<String, String> KEYS = new HashMap<>();

  /** Every distinct record of the feed, with the batch (in upload order) that first carried it. */
  private static final Map<CaseRecord, String> FIRST_BATCH = new LinkedHashMap<>();

  private static final Map<String, Instant> BATCH_RECEIVED = new HashMap<>();

  @BeforeAll
  static void generateUploadAndProcess() throws Exception {
    Path feed = work.resolve("gamed.jsonl");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--cases",
                "2400",
                "--months",
                "4",
                "--seed",
                "18",
                "--out",
                feed.toString(),
                "--tenants",
                String.join(",", tenants()),
                "--silent",
                SILENT));
    GAMES.forEach((flag, tenant) -> args.addAll(List.of("--game", flag + "=" + tenant)));
    assertThat(new CommandLine(new GenerateCommand()).execute(args.toArray(String[]::new)))
        .isZero();

    url = PLATFORM.baseUrl();
    client = new PlatformClient(url);
    for (String t : tenants()) {
      KEYS.put(t, client.issueKey(ADMIN_KEY, t, "governance"));
    }
    KEYS.put(CITY, client.issueKey(ADMIN_KEY, CITY, "governance"));

    Map<String, List<String>> linesByTenant = new TreeMap<>();
    for (String line : Files.readAllLines(feed, StandardCharsets.UTF_8)) {
      String tenant = JSON.readTree(line).get("tenant_code").asText();
      linesByTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(line);
    }
    CaseRecordValidator validator =
        new CaseRecordValidator(
            TenantScope.knownTenants(
                REGISTRY.all().stream().map(Tenant::code).collect(Collectors.toSet())));
    List<String> batches = new ArrayList<>();
    for (var e : linesByTenant.entrySet()) {
      List<String> lines = e.getValue();
      for (int from = 0; from < lines.size(); from += BATCH_ROWS) {
        List<String> part = lines.subList(from, Math.min(lines.size(), from + BATCH_ROWS));
        String batch = upload(e.getKey(), part);
        batches.add(batch);
        for (String line : part) {
          ValidationResult r =
              validator.validate(
                  JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {}), 1);
          assertThat(r.errors()).isEmpty();
          FIRST_BATCH.putIfAbsent(r.record(), batch);
        }
      }
    }
    Figures.awaitProcessed(url, ADMIN_KEY, batches, Duration.ofMinutes(3));
  }

  @Test
  @Order(1)
  void everyFlagIsFoundForExactlyTheTenantsAndMonthsTheRulesGive() throws Exception {
    Map<CaseKey, CaseRecord> latest = CaseVersions.latest(FIRST_BATCH.keySet().stream());
    Map<String, Set<String>> expected = expectedFlags(latest);
    GAMES.forEach(
        (flag, tenant) ->
            assertThat(expected.keySet())
                .as("the generator made %s game %s", tenant, flag)
                .contains(tenant + " 2024-04 " + flag));
    assertThat(expected.keySet()).noneMatch(k -> k.startsWith(NORMAL) || k.startsWith(SILENT));

    Map<String, Set<String>> answered = new TreeMap<>();
    for (String month : MONTHS) {
      for (JsonNode row : get(ADMIN_KEY, "/api/v1/flags?period=" + month).get("rows")) {
        String key = row.get("tenant").asText() + " " + month + " " + row.get("flag").asText();
        Set<String> ids = new TreeSet<>();
        row.get("evidence").forEach(id -> ids.add(id.asText()));
        assertThat(row.get("evidence")).hasSize(Math.min(10, row.get("cases").asInt()));
        assertThat(expected).as("flags expected").containsKey(key);
        assertThat(expected.get(key)).as(key).containsAll(ids);
        assertThat(row.get("cases").asInt()).as(key).isEqualTo(expected.get(key).size());
        answered.put(key, ids);
      }
    }
    assertThat(answered.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());

    JsonNode county = get(KEYS.get("330522"), "/api/v1/flags?period=2024-04");
    county.get("rows").forEach(r -> assertThat(r.get("tenant").asText()).isEqualTo("330522"));
  }

  @Test
  @Order(2)
  void reportingCountsCasesAndBatchesAndMarksTheSilentTenant() throws Exception {
    // last_upload_at comes from the batches table, which the audit sync writes within a second of
    // an upload; with half-second checkpoints a batch can be processed (counted) before it is
    // dated there, so the whole comparison is taken again until it holds, or fails after 15 s.
    Instant until = Instant.now().plusSeconds(15);
    while (true) {
      try {
        assertReporting();
        return;
      } catch (AssertionError e) {
        if (Instant.now().isAfter(until)) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private void assertReporting() throws Exception {
    Map<CaseKey, CaseRecord> latest = CaseVersions.latest(FIRST_BATCH.keySet().stream());
    for (String month : MONTHS) {
      JsonNode rows = get(ADMIN_KEY, "/api/v1/reporting?period=" + month).get("rows");
      assertThat(rows).hasSize(REGISTRY.all().size());
      for (JsonNode row : rows) {
        String tenant = row.get("tenant").asText();
        Set<CaseKey> counted =
            latest.values().stream()
                .filter(r -> r.tenantCode().equals(tenant) && month(r).equals(month))
                .filter(r -> r.status() != CaseStatus.WITHDRAWN)
                .map(CaseRecord::key)
                .collect(Collectors.toSet());
        Set<String> batches =
            FIRST_BATCH.entrySet().stream()
                .filter(e -> counted.contains(e.getKey().key()))
                .map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        assertThat(row.get("cases").asInt()).as(tenant + " " + month).isEqualTo(counted.size());
        assertThat(row.get("batches").asInt()).as(tenant + " " + month).isEqualTo(batches.size());
        Instant last =
            batches.stream().map(GovernanceITCase::receivedAt).max(Instant::compareTo).orElse(null);
        assertThat(
                row.get("last_upload_at").isNull()
                    ? null
                    : Instant.parse(row.get("last_upload_at").asText()))
            .as(tenant + " " + month)
            .isEqualTo(last);
        boolean silent = tenant.equals(SILENT) && month.equals("2024-04");
        assertThat(row.get("silent").asBoolean()).as(tenant + " " + month).isEqualTo(silent);
      }
    }
  }

  @Test
  @Order(3)
  void aSignoffIsScopedRevisedByALateVersionClearedBySigningAgainAndWithdrawn() throws Exception {
    String county = "330522";
    assertThat(sign(KEYS.get(SILENT), county, "2024-02").statusCode()).isEqualTo(403);
    assertThat(sign(KEYS.get(county), CITY, "2024-02").statusCode()).isEqualTo(403);
    HttpResponse<String> own = sign(KEYS.get(county), county, "2024-02");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    JsonNode signed = JSON.readTree(own.body());
    assertThat(signed.get("revised").asBoolean()).isFalse();
    assertThat(signed.get("on_time").asBoolean()).as("signed long after 7 March 2024").isFalse();
    assertThat(signed.get("due").asText()).isEqualTo("2024-03-07");
    assertThat(sign(KEYS.get(CITY), CITY, "2024-02").statusCode()).isEqualTo(201);

    // A late version closes one of the county's open February cases.
    Map<CaseKey, CaseRecord> latest = CaseVersions.latest(FIRST_BATCH.keySet().stream());
    CaseRecord open =
        latest.values().stream()
            .filter(r -> r.tenantCode().equals(county) && month(r).equals("2024-02"))
            .filter(r -> r.status() != CaseStatus.CLOSED && r.status() != CaseStatus.WITHDRAWN)
            .findFirst()
            .orElseThrow();
    Map<String, Object> late =
        JSON.convertValue(JSON.readTree(wire(open)), new TypeReference<>() {});
    Instant closedAt = open.updatedAt().plusSeconds(3_600);
    late.put("status", "closed");
    late.put("updated_at", closedAt.toString());
    late.put("closed_at", closedAt.toString());
    String lateBatch = upload(county, List.of(JSON.writeValueAsString(late)));
    Figures.awaitProcessed(url, ADMIN_KEY, List.of(lateBatch), Duration.ofMinutes(1));

    Map<String, JsonNode> rows = signoffs(KEYS.get(CITY), "2024-02");
    for (String t : List.of(county, CITY)) {
      JsonNode row = rows.get(t);
      assertThat(row.get("revised").asBoolean()).as(t).isTrue();
      JsonNode closed = null;
      for (JsonNode c : row.get("changes")) {
        assertThat(c.get("batch").asText()).isEqualTo(lateBatch);
        if (c.get("count").asText().equals("closed")) {
          closed = c;
        }
      }
      assertThat(closed).as(t + " changes " + row.get("changes")).isNotNull();
      assertThat(closed.get("after").asLong() - closed.get("before").asLong()).isEqualTo(1);
    }
    assertThat(rows.get("330521").get("signed_off").asBoolean()).isFalse();

    assertThat(sign(KEYS.get(county), county, "2024-02").statusCode()).isEqualTo(201);
    JsonNode again = signoffs(KEYS.get(county), "2024-02").get(county);
    assertThat(again.get("revised").asBoolean()).isFalse();
    assertThat(again.get("changes")).isEmpty();

    long id = again.get("id").asLong();
    assertThat(delete(KEYS.get(CITY), id).statusCode()).as("made by the county").isEqualTo(403);
    assertThat(delete(KEYS.get(county), id).statusCode()).isEqualTo(200);
    assertThat(delete(KEYS.get(county), id).statusCode()).isEqualTo(409);
    JsonNode after = signoffs(KEYS.get(county), "2024-02").get(county);
    assertThat(after.get("signed_off").asBoolean())
        .as("the first sign-off is in force again")
        .isTrue();
    assertThat(after.get("id").asLong()).isEqualTo(signed.get("id").asLong());
    assertThat(after.get("revised").asBoolean()).isTrue();
    JsonNode audit = get(ADMIN_KEY, "/api/v1/audit?actor=" + county);
    assertThat(audit.toString()).contains("signoff.create", "signoff.withdraw");
  }

  @Test
  @Order(4)
  void theBulletinStatesWhichTenantsHadNotSignedOffItsMonth() throws Exception {
    HttpResponse<String> published =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/bulletins"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode()
                            .put("period", "2024-02")
                            .put("group", "counties")
                            .put("scheme", "standard")
                            .toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    String id = JSON.readTree(published.body()).get("id").asText();
    JsonNode methodology = get(ADMIN_KEY, "/api/v1/bulletins/" + id + ".json").get("methodology");
    String line = methodology.get(methodology.size() - 1).asText();

    // Signed off for February: 长兴县 (by itself) and 湖州市; every other city and county not.
    List<String> unsigned =
        REGISTRY.all().stream()
            .filter(t -> !t.code().equals("330000") && !Set.of("330522", CITY).contains(t.code()))
            .sorted(java.util.Comparator.comparing(Tenant::code))
            .map(Tenant::name)
            .toList();
    assertThat(line)
        .isEqualTo(
            "数据确认：截至本通报生成时，以下"
                + unsigned.size()
                + "个地区尚未确认本期数据："
                + String.join("、", unsigned)
                + "。");
  }

  @Test
  @Order(5)
  void prometheusCountsTheFlagsOfTheNewestMonthBeforeThisOne() throws Exception {
    Map<CaseKey, CaseRecord> latest = CaseVersions.latest(FIRST_BATCH.keySet().stream());
    Map<String, Long> expected = new TreeMap<>();
    expectedFlags(latest)
        .forEach(
            (key, ids) -> {
              String[] p = key.split(" ");
              if (p[1].equals("2024-04")) {
                expected.put(p[2] + " " + p[0], (long) ids.size());
              }
            });
    Pattern series =
        Pattern.compile(
            "^liangshai_quality_flag_cases\\{flag=\"([a-z_]+)\",month=\"2024-04\","
                + "tenant=\"(\\d{6})\",?\\} ([0-9.]+)$");
    Map<String, Long> scraped = new TreeMap<>();
    Instant until = Instant.now().plusSeconds(90);
    while (!scraped.equals(expected) && Instant.now().isBefore(until)) {
      Thread.sleep(1_000);
      scraped.clear();
      String scrape =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : scrape.split("\n")) {
        Matcher m = series.matcher(line);
        if (m.matches()) {
          scraped.put(m.group(1) + " " + m.group(2), (long) Double.parseDouble(m.group(3)));
        }
      }
    }
    assertThat(scraped).isEqualTo(expected);
  }

  // --- the rules of SPEC §10, computed here from the records -----------------------------------

  /** "tenant month flag" → the ids of the cases showing it. */
  private static Map<String, Set<String>> expectedFlags(Map<CaseKey, CaseRecord> latest) {
    Map<String, List<CaseRecord>> byTenantMonth = new TreeMap<>();
    latest
        .values()
        .forEach(
            r ->
                byTenantMonth
                    .computeIfAbsent(r.tenantCode() + " " + month(r), k -> new ArrayList<>())
                    .add(r));
    Map<CaseKey, Set<Instant>> closedAts = new HashMap<>();
    for (CaseRecord r : FIRST_BATCH.keySet()) {
      if (r.status() == CaseStatus.CLOSED) {
        closedAts.computeIfAbsent(r.key(), k -> new TreeSet<>()).add(r.closedAt());
      }
    }
    Map<String, Set<String>> flags = new TreeMap<>();
    for (var e : byTenantMonth.entrySet()) {
      List<CaseRecord> cases = e.getValue();
      if (cases.size() < 20) {
        continue;
      }
      String tenant = e.getKey().split(" ")[0];
      String month = e.getKey().split(" ")[1];
      List<CaseRecord> closed =
          cases.stream().filter(r -> r.status() == CaseStatus.CLOSED).toList();
      Set<String> rewritten =
          ids(
              cases.stream()
                  .filter(r -> closedAts.getOrDefault(r.key(), Set.of()).size() >= 2)
                  .toList());
      if (rewritten.size() >= 3) {
        flags.put(e.getKey() + " closed_at_rewritten", rewritten);
      }
      Set<String> near =
          ids(
              closed.stream()
                  .filter(
                      r -> {
                        Instant deadline =
                            r.givenDeadline().orElseGet(() -> Deadlines.derive(r.receivedAt()));
                        return r.closedAt().isAfter(deadline.minusSeconds(3_600))
                            && !r.closedAt().isAfter(deadline);
                      })
                  .toList());
      if (!near.isEmpty() && near.size() * 10 >= closed.size() * 3) {
        flags.put(e.getKey() + " closed_at_deadline", near);
      }
      Set<String> withdrawn =
          ids(cases.stream().filter(r -> r.status() == CaseStatus.WITHDRAWN).toList());
      long priorCases = 0;
      long priorWithdrawn = 0;
      YearMonth m = YearMonth.parse(month);
      for (int i = 1; i <= 3; i++) {
        for (CaseRecord r :
            byTenantMonth.getOrDefault(tenant + " " + m.minusMonths(i), List.of())) {
          priorCases++;
          priorWithdrawn += r.status() == CaseStatus.WITHDRAWN ? 1 : 0;
        }
      }
      long w = withdrawn.size();
      long n = cases.size();
      // w/n ≥ 15% and w/n ≥ 3 · W/N (the share before is 0 without cases before)
      if (w > 0
          && w * 100 >= 15 * n
          && (priorCases == 0 || w * priorCases >= 3 * priorWithdrawn * n)) {
        flags.put(e.getKey() + " withdrawal_spike", withdrawn);
      }
      List<CaseRecord> rated = cases.stream().filter(r -> r.satisfaction() != null).toList();
      if (rated.size() >= 30
          && rated.stream().allMatch(r -> r.satisfaction() == Satisfaction.VERY_SATISFIED)) {
        flags.put(e.getKey() + " uniform_satisfaction", ids(rated));
      }
      Set<String> instant =
          ids(
              closed.stream()
                  .filter(r -> !r.closedAt().isAfter(r.receivedAt().plusSeconds(600)))
                  .toList());
      if (!instant.isEmpty() && instant.size() * 5 >= closed.size()) {
        flags.put(e.getKey() + " instant_closing", instant);
      }
    }
    return flags;
  }

  private static Set<String> ids(List<CaseRecord> records) {
    return records.stream().map(CaseRecord::caseId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String month(CaseRecord r) {
    return YearMonth.from(r.receivedAt().atZone(ChinaTime.ZONE)).toString();
  }

  // --- HTTP
  // ---------------------------------------------------------------------------------------

  private static List<String> tenants() {
    List<String> t = new ArrayList<>(new TreeSet<>(GAMES.values()));
    t.add(SILENT);
    t.add(NORMAL);
    return t;
  }

  private static String upload(String tenant, List<String> lines) throws Exception {
    JsonNode answer =
        client.uploadCases(
            KEYS.get(tenant),
            "application/x-ndjson",
            (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(answer.get("rejected").asInt()).as(answer.toString()).isZero();
    String batch = answer.get("batch_id").asText();
    return batch;
  }

  /** When the batch was received, as {@code GET /api/v1/batches/{id}} says (to the millisecond). */
  private static Instant receivedAt(String batch) {
    return BATCH_RECEIVED.computeIfAbsent(
        batch,
        b -> {
          try {
            return Instant.parse(client.batch(ADMIN_KEY, b).get("received_at").asText())
                .truncatedTo(ChronoUnit.MILLIS);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static String wire(CaseRecord r) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    m.put("case_id", r.caseId());
    m.put("tenant_code", r.tenantCode());
    m.put("updated_at", f.format(r.updatedAt()));
    m.put("enterprise_uscc", r.enterpriseUscc());
    m.put("channel", r.channel().wireName());
    m.put("category", r.category().wireName());
    m.put("received_at", f.format(r.receivedAt()));
    m.put("status", r.status().wireName());
    return JSON.writeValueAsString(m);
  }

  private static JsonNode get(String key, String path) throws Exception {
    return Figures.get(url, key, path);
  }

  private static Map<String, JsonNode> signoffs(String key, String month) throws Exception {
    Map<String, JsonNode> rows = new HashMap<>();
    get(key, "/api/v1/signoffs?period=" + month)
        .get("rows")
        .forEach(r -> rows.put(r.get("tenant").asText(), r));
    return rows;
  }

  private static HttpResponse<String> sign(String key, String tenant, String month)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/signoffs"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.createObjectNode().put("tenant", tenant).put("period", month).toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> delete(String key, long id) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/signoffs/" + id))
            .header("Authorization", "Bearer " + key)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
