package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.XlsxBatchWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and broken input: every case gets a 4xx whose JSON body says what is wrong, never a 5xx;
 * afterwards the server is healthy and what was stored before is intact.
 *
 * <p>Bodies that cannot be read at all (truncated JSON, deep nesting, binary, broken or bomb XLSX,
 * unknown columns, bad text encoding, NUL bytes) are refused whole with 400; bodies past the size
 * or row limits with 413. A readable batch with a bad row (a 65-character case id) is answered row
 * by row, as SPEC §2 asks: 200 with the row's error, the other rows kept.
 */
class MalformedInputITCase {

  private static final String COUNTY = "330522";
  private static final int MAX_ROWS = 50;
  private static final int MAX_BODY = 512 * 1024;

  @RegisterExtension
  static final ApiTestServer API =
      new ApiTestServer(new LiangshaiConfig.Limits(MAX_BODY, MAX_ROWS, 100_000)).withSampleCounts();

  /** Query parameters whose value is free text by the contract: an injection finds nothing. */
  private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("case_id");

  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "330522' OR '1'='1",
          "1; DROP TABLE case_facts; --",
          "330522) UNION SELECT * FROM api_keys --",
          "<script>alert(1)</script>",
          "../../../../etc/passwd",
          "${jndi:ldap://127.0.0.1/x}",
          "%00",
          "\u0000",
          "２０２４-０１",
          "\" OR \"\"=\"",
          "x".repeat(65),
          "9".repeat(40),
          "-1",
          "2024-13",
          "NaN");

  private static String key;
  private static String firstBatch;
  private static JsonObject firstBatchStatus;

  @BeforeAll
  static void start() throws Exception {
    CaseFactsFixture.load(API.warehouse(), API.registry(), List.of(COUNTY), 5);
    key = API.issueKey(COUNTY);
    HttpResponse<Buffer> r =
        upload("text/csv", csv(validRow("kept-1")).getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    firstBatch = r.bodyAsJsonObject().getString("batch_id");
    firstBatchStatus =
        await(API.get("/api/v1/batches/" + firstBatch, key).send()).bodyAsJsonObject();
  }

  // --- bodies ---------------------------------------------------------------------------------

  @Test
  void refusesEveryUnreadableBodyWithAReason() throws Exception {
    Map<String, Object[]> bodies = new LinkedHashMap<>();
    bodies.put(
        "truncated JSON",
        new Object[] {"application/json", utf8("[{\"case_id\": \"a\", \"tenant")});
    bodies.put(
        "truncated JSON Lines", new Object[] {"application/x-ndjson", utf8("{\"case_id\": ")});
    bodies.put("100k-deep nesting", new Object[] {"application/json", utf8("[".repeat(100_000))});
    bodies.put(
        "100k-deep nesting in an object",
        new Object[] {"application/x-ndjson", utf8("{\"a\":" + "[".repeat(100_000) + "\n")});
    bodies.put("binary as CSV", new Object[] {"text/csv", random(64 * 1024)});
    bodies.put("binary as JSON", new Object[] {"application/json", random(4096)});
    bodies.put("a broken XLSX", new Object[] {BatchFormat.XLSX_CONTENT_TYPE, truncatedXlsx()});
    bodies.put("text as XLSX", new Object[] {BatchFormat.XLSX_CONTENT_TYPE, utf8("case_id\nA\n")});
    bodies.put("a zip-bomb XLSX", new Object[] {BatchFormat.XLSX_CONTENT_TYPE, zipBomb()});
    bodies.put(
        "wrong CSV headers", new Object[] {"text/csv", utf8("id,name,date\n1,企业,2024-01-01\n")});
    bodies.put(
        "wrong XLSX headers",
        new Object[] {
          BatchFormat.XLSX_CONTENT_TYPE, xlsx(List.of("编号", "名称"), List.of(List.of("1", "x")))
        });
    bodies.put(
        "GBK text declared UTF-8",
        new Object[] {
          "text/csv; charset=utf-8",
          csv(validRow("gbk-1")).replace("kept", "企业").getBytes(Charset.forName("GBK"))
        });
    bodies.put(
        "GBK JSON",
        new Object[] {
          "application/json", "[{\"case_id\": \"企业\"}]".getBytes(Charset.forName("GBK"))
        });
    bodies.put("NUL bytes in CSV", new Object[] {"text/csv", withNul(csv(validRow("nul-1")))});
    bodies.put(
        "NUL bytes in JSON",
        new Object[] {"application/json", withNul("[" + json(validRow("nul-2")) + "]")});
    bodies.put("an empty body", new Object[] {"text/csv", new byte[0]});
    bodies.put(
        "JSON that is not an array",
        new Object[] {"application/json", utf8("{\"case_id\": \"a\"}")});
    for (Map.Entry<String, Object[]> b : bodies.entrySet()) {
      HttpResponse<Buffer> r = upload((String) b.getValue()[0], (byte[]) b.getValue()[1]);
      assertClientError(r, b.getKey());
      assertThat(r.statusCode()).as(b.getKey() + ": " + Answers.describe(r)).isEqualTo(400);
    }
  }

  @Test
  void refusesTooLargeBodiesAndTooManyRowsWith413() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i <= MAX_ROWS; i++) {
      rows.add(validRow("many-" + i));
    }
    HttpResponse<Buffer> tooMany =
        upload("text/csv", csv(rows.toArray(Map[]::new)).getBytes(StandardCharsets.UTF_8));
    assertThat(tooMany.statusCode()).as(Answers.describe(tooMany)).isEqualTo(413);
    assertThat(tooMany.bodyAsJsonObject().getString("message"))
        .contains("more than " + MAX_ROWS + " rows");

    byte[] big = new byte[MAX_BODY + 1];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<Buffer> tooBig = upload("text/csv", big);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertClientError(tooBig, "a body past the limit");
  }

  @Test
  void refusesUnknownContentTypesAndCharsets() throws Exception {
    assertThat(upload("text/plain", utf8("x")).statusCode()).isEqualTo(415);
    HttpResponse<Buffer> latin1 = upload("text/csv; charset=latin1", utf8("case_id\n"));
    assertThat(latin1.statusCode()).isEqualTo(415);
    assertThat(latin1.bodyAsJsonObject().getString("message")).contains("latin1");
  }

  @Test
  void answersBadRowsRowByRow() throws Exception {
    Map<String, Object> longId = validRow("x".repeat(65));
    Map<String, Object> noOffset = validRow("no-offset");
    noOffset.put("received_at", "2024-03-01T09:00:00");
    Map<String, Object> injected = validRow("'; DROP TABLE case_facts; --");
    HttpResponse<Buffer> r =
        upload(
            "text/csv",
            csv(longId, noOffset, injected, validRow("fine")).getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getInteger("accepted")).isEqualTo(2);
    assertThat(body.getInteger("rejected")).isEqualTo(2);
    assertThat(body.getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("case_id");
    assertThat(body.getJsonArray("errors").getJsonObject(0).getString("message")).contains("64");
    assertThat(body.getJsonArray("errors").getJsonObject(1).getString("message"))
        .contains("+08:00");
    JsonObject tooLong = body.getJsonArray("errors").getJsonObject(0);
    assertThat(tooLong.getString("code")).isEqualTo("text.too_long");
    assertThat(tooLong.getJsonObject("params").getMap())
        .containsEntry("max", "64")
        .containsEntry("length", "65");
    JsonObject noOffsetError = body.getJsonArray("errors").getJsonObject(1);
    assertThat(noOffsetError.getString("code")).isEqualTo("time.no_offset");
    assertThat(noOffsetError.getJsonObject("params").getString("found"))
        .isEqualTo("2024-03-01T09:00:00");
  }

  // --- parameters -------------------------------------------------------------------------------

  /** Every query parameter of every GET operation in the OpenAPI document, each injection. */
  @Test
  void refusesInjectionsInEveryQueryParameter() throws Exception {
    JsonNode paths = OpenApiDocumentTest.document().get("paths");
    int probes = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      JsonNode get = path.getValue().get("get");
      if (get == null || get.get("parameters") == null || path.getKey().contains("{")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      get.get("parameters")
          .forEach(
              p -> {
                if (p.get("in").asText().equals("query")) {
                  names.add(p.get("name").asText());
                }
              });
      for (String target : names) {
        for (String injection : INJECTIONS) {
          StringBuilder uri = new StringBuilder("/api/v1" + path.getKey() + "?");
          for (String name : names) {
            String value = name.equals(target) ? injection : valid(path.getKey(), name);
            if (value != null) {
              uri.append(name)
                  .append('=')
                  .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                  .append('&');
            }
          }
          HttpResponse<Buffer> r = await(API.get(uri.toString(), key).send());
          if (FREE_TEXT.contains(target) && r.statusCode() == 200) {
            // Any 1–64 characters are a case id (SPEC §2): the value is looked up literally, and
            // no case has it, so it finds nothing — it is never read as SQL.
            assertThat(r.bodyAsJsonObject().getJsonArray("rows")).as(uri.toString()).isEmpty();
          } else {
            assertClientError(r, uri.toString());
          }
          probes++;
        }
      }
    }
    assertThat(probes).isGreaterThan(200);
  }

  @Test
  void refusesInjectionsInEveryPathParameter() throws Exception {
    List<String> templates =
        List.of(
            "GET /api/v1/batches/%s",
            "GET /api/v1/tenants/%s/keys",
            "POST /api/v1/tenants/%s/keys",
            "POST /api/v1/keys/%s/revoke",
            "POST /api/v1/keys/%s/rotate",
            "POST /api/v1/schemes/%s/retire");
    for (String t : templates) {
      for (String injection : INJECTIONS) {
        String[] parts = t.split(" ", 2);
        String uri =
            String.format(
                parts[1], URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<Buffer> r =
            await(
                API.request(HttpMethod.valueOf(parts[0]), uri)
                    .putHeader("Authorization", "Bearer " + API.adminKey())
                    .send());
        assertClientError(r, t + " with " + injection);
      }
    }
  }

  @Test
  void zzzAfterwardsTheServerIsHealthyAndEarlierDataIntact() throws Exception {
    refusesEveryUnreadableBodyWithAReason();
    refusesInjectionsInEveryQueryParameter();

    HttpResponse<Buffer> health = await(API.request(HttpMethod.GET, "/healthz").send());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("ok");
    JsonObject batch =
        await(API.get("/api/v1/batches/" + firstBatch, key).send()).bodyAsJsonObject();
    assertThat(batch.getInteger("accepted")).isEqualTo(1);
    assertThat(batch.getString("sha256")).isEqualTo(firstBatchStatus.getString("sha256"));
    JsonObject cases =
        await(
                API.get(
                        "/api/v1/cases?tenant=" + COUNTY + "&period=" + CaseFactsFixture.PERIOD,
                        key)
                    .send())
            .bodyAsJsonObject();
    assertThat(cases.getLong("total")).isEqualTo(5);
    try (Connection c = API.metadata().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM api_keys")) {
      rs.next();
      assertThat(rs.getLong(1)).isPositive();
    }
    assertThat(await(API.get("/api/v1/me", key).send()).statusCode()).isEqualTo(200);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A valid value for a parameter other than the one under test; null leaves it out. */
  private static String valid(String path, String name) {
    return switch (name) {
      case "period" -> path.equals("/cases") ? CaseFactsFixture.PERIOD : "2024-01";
      case "tenant" -> path.equals("/metrics") ? COUNTY : path.equals("/cases") ? COUNTY : null;
      case "group" -> "counties";
      default -> null;
    };
  }

  static void assertClientError(HttpResponse<Buffer> r, String what) {
    assertThat(r.statusCode()).as(what + ": " + Answers.describe(r)).isBetween(400, 499);
    assertThat(r.getHeader("Content-Type")).as(what).startsWith("application/json");
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("message")).as(what).isNotBlank();
    assertThat(body.getString("message")).as(what).doesNotContain("internal error", "Exception");
  }

  private static HttpResponse<Buffer> upload(String contentType, byte[] body) throws Exception {
    return API.upload(key, contentType, Buffer.buffer(body));
  }

  static Map<String, Object> validRow(String caseId) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case_id", caseId);
    row.put("tenant_code", COUNTY);
    row.put("updated_at", "2024-03-01T10:00:00+08:00");
    row.put("enterprise_uscc", "91350100M000100Y43");
    row.put("enterprise_name", "kept");
    row.put("channel", "hotline_12345");
    row.put("category", "policy");
    row.put("received_at", "2024-03-01T09:00:00+08:00");
    row.put("status", "received");
    return row;
  }

  @SafeVarargs
  static String csv(Map<String, Object>... rows) {
    StringBuilder b = new StringBuilder(String.join(",", rows[0].keySet())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      r.values()
          .forEach(v -> cells.add(v.toString().contains(",") ? "\"" + v + "\"" : v.toString()));
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  private static String json(Map<String, Object> row) {
    return new JsonObject(row).encode();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withNul(String text) {
    byte[] b = utf8(text);
    b[b.length / 2] = 0;
    return b;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  static byte[] xlsx(List<String> header, List<List<String>> rows) throws Exception {
    try (XlsxBatchWriter w = new XlsxBatchWriter(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      rows.forEach(w::row);
      w.writeTo(out);
      return out.toByteArray();
    }
  }

  private static byte[] truncatedXlsx() throws Exception {
    Map<String, Object> row = validRow("xl");
    byte[] whole =
        xlsx(
            new ArrayList<>(row.keySet()),
            List.of(row.values().stream().map(Object::toString).toList()));
    return Arrays.copyOf(whole, whole.length * 2 / 3);
  }

  /** A workbook whose one sheet inflates from about 100 KB to 100 MB of XML. */
  static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    String office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<Relationships xmlns=\""
              + rels
              + "\"><Relationship Id=\"rId1\" Type=\""
              + office
              + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<workbook xmlns=\""
              + main
              + "\" xmlns:r=\""
              + office
              + "\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\""
              + rels
              + "\"><Relationship Id=\"rId1\" Type=\""
              + office
              + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(utf8("<worksheet xmlns=\"" + main + "\"><sheetData>"));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 100; i++) {
        zip.write(spaces);
      }
      zip.write(utf8("</sheetData></worksheet>"));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(utf8(text));
    zip.closeEntry();
  }
}
