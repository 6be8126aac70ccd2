package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.Eventually;
import io.liangshai.log.RecordsLog;
import java.io.ByteArrayOutputStream;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One county (上城区) sends everything a careless or hostile exporter could: timestamps at the ends of
 * time, a 20-million-character description, a JSON object with 300,000 keys, case ids as numeric
 * spreadsheet cells, a recurrence group of 20,000 cases of one enterprise, and a poison record
 * slipped into the landing zone behind the door's back. Each is answered 200 with row errors or
 * 4xx, never 5xx; the job goes on; another county's (瑞安市) fresh batch is processed within 30 s;
 * nobody else's figures move.
 */
class TenantIsolationITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-tenant-isolation-itcase";

  @RegisterExtension static final PlatformExtension PLATFORM = new PlatformExtension(ADMIN_KEY);

  private static final String HOSTILE = "330102";
  private static final String HOSTILE_CITY = "330100";
  private static final String VICTIM = "330381";
  private static final String[] BYSTANDERS = {"330522", "330782", "331002", "330205"};
  private static final Duration FRESH_BATCH_WITHIN = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static String url;
  private static final Map<String, String> KEYS = new LinkedHashMap<>();
  private static int victimCases;

  @BeforeAll
  static void startWithBaselineFigures() throws Exception {
    url = PLATFORM.baseUrl();
    PlatformClient client = new PlatformClient(url);
    for (String t : List.of(HOSTILE, VICTIM, BYSTANDERS[0], BYSTANDERS[1], BYSTANDERS[2])) {
      KEYS.put(t, client.issueKey(ADMIN_KEY, t, "isolation"));
    }
    KEYS.put(BYSTANDERS[3], client.issueKey(ADMIN_KEY, BYSTANDERS[3], "isolation"));
    List<String> batches = new ArrayList<>();
    for (String t : BYSTANDERS) {
      batches.add(accepted(upload(t, "application/x-ndjson", jsonLines(baseline(t, 12)))));
    }
    batches.add(accepted(upload(VICTIM, "application/x-ndjson", jsonLines(baseline(VICTIM, 8)))));
    victimCases = 8;
    Figures.awaitProcessed(url, ADMIN_KEY, batches, Duration.ofMinutes(2));
  }

  @Test
  void hostileInputsAreAnsweredWithoutServerErrorsAndNeitherStallNorMoveAnyoneElse()
      throws Exception {
    Map<String, JsonNode> before = othersFigures("2024-01");

    // Timestamps at the ends of time, and one good row beside them.
    List<Map<String, Object>> extreme = new ArrayList<>();
    extreme.add(row(HOSTILE, "t-1", "2024-01-03T01:00:00Z"));
    extreme.get(0).put("received_at", "+999999999-12-31T12:00:00+08:00");
    extreme.add(row(HOSTILE, "t-2", "2024-01-03T01:00:00Z"));
    extreme.get(1).put("updated_at", "-999999999-01-01T00:00:00+08:00");
    extreme.add(row(HOSTILE, "t-3", "2024-01-03T01:00:00Z"));
    extreme.get(2).put("deadline", "+999999999-12-31T23:59:59Z");
    extreme.add(row(HOSTILE, "t-4", "2024-01-03T01:00:00Z"));
    extreme.get(3).put("received_at", "1999-12-31T23:59:59+08:00");
    extreme.add(row(HOSTILE, "t-5", "2024-01-03T01:00:00Z"));
    extreme.get(4).put("reassigned_count", 2_000_000_000);
    extreme.add(row(HOSTILE, "t-ok", "2024-01-03T01:00:00Z"));
    JsonNode times = answered(upload(HOSTILE, "application/x-ndjson", jsonLines(extreme)));
    assertThat(times.get("rejected").asInt()).isEqualTo(5);
    assertThat(times.get("accepted").asInt()).isEqualTo(1);
    freshVictimBatchIsProcessedInTime();

    // A 20,000,001-character description in CSV.
    String huge = "问".repeat(20_000_001);
    String csv =
        "case_id,tenant_code,updated_at,enterprise_uscc,channel,category,received_at,status,"
            + "description\n"
            + "huge-1,"
            + HOSTILE
            + ",2024-01-04T01:00:00Z,"
            + CaseRecordFixture.USCC
            + ",hotline_12345,general,2024-01-04T01:00:00Z,received,"
            + huge
            + "\nsmall-1,"
            + HOSTILE
            + ",2024-01-04T01:00:00Z,"
            + CaseRecordFixture.USCC
            + ",hotline_12345,general,2024-01-04T01:00:00Z,received,企业反映用电报装慢\n";
    HttpResponse<String> big = upload(HOSTILE, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(big.statusCode()).as(big.body()).isLessThan(500);
    if (big.statusCode() == 200) {
      JsonNode r = JSON.readTree(big.body());
      assertThat(r.get("rejected").asInt()).isEqualTo(1);
      assertThat(r.get("errors").get(0).get("field").asText()).isEqualTo("description");
    }
    freshVictimBatchIsProcessedInTime();

    // A JSON object with 300,000 keys: one row error, not 300,000.
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 300_000; i++) {
      wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    wide.append("}\n");
    wide.append(JSON.writeValueAsString(row(HOSTILE, "wide-ok", "2024-01-05T01:00:00Z")));
    wide.append('\n');
    JsonNode keys =
        answered(
            upload(
                HOSTILE, "application/x-ndjson", wide.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(keys.get("rejected").asInt()).isEqualTo(1);
    assertThat(keys.get("accepted").asInt()).isEqualTo(1);
    assertThat(keys.get("errors_total").asInt()).isEqualTo(1);
    freshVictimBatchIsProcessedInTime();

    // Case ids as numeric spreadsheet cells stay exact and distinct.
    JsonNode xlsx =
        answered(
            upload(
                HOSTILE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                numericIdWorkbook()));
    assertThat(xlsx.get("accepted").asInt()).as(xlsx.toString()).isEqualTo(2);
    Figures.awaitProcessed(
        url, ADMIN_KEY, List.of(xlsx.get("batch_id").asText()), Duration.ofMinutes(1));
    JsonNode listed =
        Figures.get(url, KEYS.get(HOSTILE), "/api/v1/cases?tenant=" + HOSTILE + "&period=2024-01");
    Set<String> ids = new HashSet<>();
    listed.get("rows").forEach(r -> ids.add(r.get("case_id").asText()));
    assertThat(ids).contains("202401020001", "202401020002");

    // A hot recurrence group: 20,000 cases of one enterprise and category.
    List<CaseRecord> hot = hotGroup(20_000);
    List<Map<String, Object>> hotRows = new ArrayList<>();
    hot.forEach(r -> hotRows.add(wire(r)));
    JsonNode hotAnswer = answered(upload(HOSTILE, "application/x-ndjson", jsonLines(hotRows)));
    assertThat(hotAnswer.get("accepted").asInt()).isEqualTo(hot.size());
    freshVictimBatchIsProcessedInTime();

    // A poison record behind the door's back, straight into the records log the job reads.
    String poisonBatch = injectPoison();
    freshVictimBatchIsProcessedInTime();
    assertThat(quarantinedLines(poisonBatch, Duration.ofSeconds(30)))
        .as("both poison lines are in the quarantine, the good line beside them is counted")
        .containsExactlyInAnyOrder(3L, 4L);

    // The hot group is counted exactly; nobody else's figures moved.
    Figures.awaitProcessed(
        url, ADMIN_KEY, List.of(hotAnswer.get("batch_id").asText()), Duration.ofMinutes(3));
    Set<CaseKey> recurrences = RecurrenceRule.recurrences(hot);
    long hotInMarch = hot.stream().filter(r -> month(r).equals("2024-03")).count();
    long recurrentInMarch =
        hot.stream()
            .filter(r -> month(r).equals("2024-03") && recurrences.contains(r.key()))
            .count();
    JsonNode march = metricsRow("2024-03", HOSTILE);
    assertThat(march.get("received").asLong()).isEqualTo(hotInMarch);
    assertThat(march.get("recurrences").asLong()).isEqualTo(recurrentInMarch);
    assertThat(othersFigures("2024-01")).isEqualTo(before);
    long januaryAccepted =
        times.get("accepted").asLong()
            + (big.statusCode() == 200 ? JSON.readTree(big.body()).get("accepted").asLong() : 0)
            + keys.get("accepted").asLong()
            + xlsx.get("accepted").asLong()
            + 1; // the good line beside the poison
    assertThat(metricsRow("2024-01", HOSTILE).get("received").asLong())
        .as("the hostile county's own good rows are counted, exactly once")
        .isEqualTo(januaryAccepted);
    assertThat(metricsRow("2024-05", VICTIM).get("received").asLong())
        .as("every fresh victim batch counted")
        .isEqualTo(victimCases - 8);
  }

  /** 瑞安市 sends a fresh batch; it must be processed within 30 s of its answer. */
  private static void freshVictimBatchIsProcessedInTime() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(row(VICTIM, "fresh-" + victimCases + "-" + i, "2024-05-06T02:00:00Z"));
    }
    String id = accepted(upload(VICTIM, "application/x-ndjson", jsonLines(rows)));
    victimCases += rows.size();
    Figures.awaitProcessed(url, ADMIN_KEY, List.of(id), FRESH_BATCH_WITHIN);
  }

  /** The quarantined lines of {@code batch}, once there are two of them (or the time is up). */
  private static List<Long> quarantinedLines(String batch, Duration within) throws Exception {
    return Eventually.within(
        within,
        () -> {
          List<Long> lines = new ArrayList<>();
          Figures.get(url, ADMIN_KEY, "/api/v1/quarantine?batch=" + batch)
              .get("rows")
              .forEach(r -> lines.add(r.get("line").asLong()));
          return lines;
        },
        lines -> lines.size() >= 2);
  }

  /** Month and county figures of everyone but the hostile county and its city. */
  private static Map<String, JsonNode> othersFigures(String period) throws Exception {
    Map<String, JsonNode> figures = new TreeMap<>();
    for (String level : List.of("county", "city")) {
      JsonNode rows =
          Figures.get(url, ADMIN_KEY, "/api/v1/metrics?period=" + period + "&level=" + level)
              .get("rows");
      for (JsonNode r : rows) {
        String tenant = r.get("tenant").asText();
        if (!tenant.equals(HOSTILE) && !tenant.equals(HOSTILE_CITY)) {
          figures.put(tenant, r);
        }
      }
    }
    assertThat(figures).containsKeys(BYSTANDERS).containsKey(VICTIM);
    return figures;
  }

  private static JsonNode metricsRow(String period, String tenant) throws Exception {
    return Figures.get(url, ADMIN_KEY, "/api/v1/metrics?period=" + period + "&tenant=" + tenant);
  }

  /** Writes a records file as ingest would, with a poison line between two good ones. */
  private static String injectPoison() throws Exception {
    String batch = "b_20240601T000000000_0badf00d";
    CaseRecord good =
        CaseRecordFixture.aCase()
            .tenantCode(HOSTILE)
            .caseId("beside-poison")
            .receivedAt(Instant.parse("2024-01-08T02:00:00Z"))
            .build();
    Map<String, Object> longDescription = wire(good);
    longDescription.put("case_id", "poison-1");
    longDescription.put("description", "长".repeat(20_000_001));
    String lines =
        LandingFile.header(batch)
            + "\n"
            + CaseRecordCodec.toJson(good)
            + "\n{\"case_id\": \"poison-2\", \"tenant_code\": \n"
            + JSON.writeValueAsString(longDescription)
            + "\n"
            + LandingFile.trailer(batch, 3)
            + "\n";
    Path file = Files.createTempFile(PLATFORM.dataDir(), "poison-", ".jsonl");
    Files.writeString(file, lines, StandardCharsets.UTF_8);
    try (RecordsLog log = RecordsLog.open(PLATFORM.platform().recordsTopic(), "poison-injector")) {
      log.append(HOSTILE, batch, file);
    }
    return batch;
  }

  private static List<CaseRecord> hotGroup(int n) {
    List<CaseRecord> cases = new ArrayList<>(n);
    Instant start = Instant.parse("2024-02-20T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant received = start.plusSeconds(i * 360L);
      CaseRecordFixture c =
          CaseRecordFixture.aCase()
              .tenantCode(HOSTILE)
              .caseId("hot-" + i)
              .category(Category.PROJECT)
              .receivedAt(received);
      if (i % 3 != 0) {
        c.status(CaseStatus.CLOSED).closedAt(received.plusSeconds(3_600L + (i % 7) * 86_400L));
      }
      cases.add(c.build());
    }
    return cases;
  }

  private static byte[] numericIdWorkbook() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("cases");
      XSSFRow h = sheet.createRow(0);
      for (int i = 0; i < CaseRecordFixture.REQUIRED_COLUMNS.size(); i++) {
        h.createCell(i).setCellValue(CaseRecordFixture.REQUIRED_COLUMNS.get(i));
      }
      for (int r = 1; r <= 2; r++) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(202401020000d + r);
        row.createCell(1).setCellValue(HOSTILE);
        row.createCell(2).setCellValue("2024-01-02T01:00:00Z");
        row.createCell(3).setCellValue(CaseRecordFixture.USCC);
        row.createCell(4).setCellValue("hotline_12345");
        row.createCell(5).setCellValue("general");
        row.createCell(6).setCellValue("2024-01-02T01:00:00Z");
        row.createCell(7).setCellValue("received");
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static List<Map<String, Object>> baseline(String tenant, int n) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant received = Instant.parse("2024-01-02T01:00:00Z").plusSeconds(i * 86_400L);
      CaseRecordFixture c =
          CaseRecordFixture.aCase()
              .tenantCode(tenant)
              .caseId("base-" + i)
              .category(i % 2 == 0 ? Category.GENERAL : Category.POLICY)
              .receivedAt(received);
      if (i % 3 != 0) {
        c.status(CaseStatus.CLOSED).closedAt(received.plusSeconds(i * 7_200L));
      }
      rows.add(c.row());
    }
    return rows;
  }

  private static Map<String, Object> row(String tenant, String caseId, String receivedAt) {
    return CaseRecordFixture.aCase()
        .tenantCode(tenant)
        .caseId(caseId)
        .receivedAt(Instant.parse(receivedAt))
        .row();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> wire(CaseRecord r) {
    try {
      return JSON.readValue(CaseRecordCodec.toJson(r), LinkedHashMap.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String month(CaseRecord r) {
    return io.liangshai.core.time.Period.of(io.liangshai.core.time.PeriodKind.MONTH, r.receivedAt())
        .toString();
  }

  private static byte[] jsonLines(List<Map<String, Object>> rows) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> r : rows) {
      sb.append(JSON.writeValueAsString(r)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> upload(String tenant, String type, byte[] body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/cases"))
            .header("Authorization", "Bearer " + KEYS.get(tenant))
            .header("Content-Type", type)
            .timeout(Duration.ofMinutes(3))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A 200 answer, read; anything else fails the test with the body. */
  private static JsonNode answered(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String accepted(HttpResponse<String> r) throws Exception {
    JsonNode body = answered(r);
    assertThat(body.get("rejected").asInt()).as(r.body()).isZero();
    return body.get("batch_id").asText();
  }
}
