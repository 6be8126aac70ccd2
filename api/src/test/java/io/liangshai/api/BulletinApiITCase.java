package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.warehouse.AuditEntry;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.AuditQuery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/v1/bulletins} over a real ClickHouse holding the sample feed's figures: the province
 * publishes, every tenant lists and downloads (PDF, XLSX, snapshot) what was published, a
 * correction names what it corrects, and the schedules are read by anyone and changed by the
 * province.
 */
class BulletinApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  /** 长兴县, a county of 湖州市. */
  private static final String COUNTY = "330522";

  private static String countyKey;

  @BeforeAll
  static void start() throws Exception {
    countyKey = API.issueKey(COUNTY);
  }

  /**
   * One story, in its order: the province publishes January, every tenant downloads it, the act is
   * audited, a second bulletin for January is refused and a correction becomes issue 2. The only
   * test of the class that publishes a monthly bulletin, so its numbers are its own.
   */
  @Test
  void aMonthlyBulletinIsPublishedDownloadedAuditedAndCorrected() throws Exception {
    theProvincePublishesAndEveryTenantDownloadsWhatWasPublished();
    thePublicationIsAudited();
    aSecondBulletinForThePeriodIsAConflictAndACorrectionIsTheNextIssue();
  }

  private static void theProvincePublishesAndEveryTenantDownloadsWhatWasPublished()
      throws Exception {
    HttpResponse<Buffer> created =
        publish(new JsonObject().put("period", "2024-01"), API.adminKey());
    assertThat(created.statusCode()).as(Answers.describe(created)).isEqualTo(201);
    JsonObject bulletin = created.bodyAsJsonObject();
    assertThat(bulletin.getString("id")).isEqualTo("monthly-0001");
    assertThat(bulletin.getInteger("issue_no")).isEqualTo(1);
    assertThat(bulletin.getString("series")).isEqualTo("monthly");
    assertThat(bulletin.getString("period")).isEqualTo("2024-01");
    assertThat(bulletin.getJsonArray("groups"))
        .containsExactly("cities", "counties", "mountain26", "non_mountain");
    assertThat(bulletin.getString("scheme")).isEqualTo("standard@1");
    assertThat(bulletin.getString("created_by")).isEqualTo("330000/admin");
    assertThat(created.getHeader("Location")).isEqualTo("/api/v1/bulletins/monthly-0001.pdf");

    JsonArray rows =
        ok(API.get("/api/v1/bulletins?series=monthly", countyKey)).getJsonArray("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.getJsonObject(0).getString("id")).isEqualTo("monthly-0001");

    HttpResponse<Buffer> pdf =
        await(API.get("/api/v1/bulletins/monthly-0001.pdf", countyKey).send());
    assertThat(pdf.statusCode()).as(Answers.describe(pdf)).isEqualTo(200);
    assertThat(pdf.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"monthly-0001.pdf\"; filename*=UTF-8''")
        .contains(ContentDisposition.encode("浙江省涉企问题高效闭环解决机制晾晒通报（2024年1月第1期）.pdf"));
    byte[] bytes = pdf.body().getBytes();
    assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(BulletinStore.sha256(bytes))
        .isEqualTo(bulletin.getJsonObject("sha256").getString("pdf"));

    HttpResponse<Buffer> xlsx =
        await(API.get("/api/v1/bulletins/monthly-0001.xlsx", countyKey).send());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.getHeader("Content-Type"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.getHeader("Content-Disposition"))
        .contains("filename*=UTF-8''")
        .contains(".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body().getBytes()))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets)
          .containsExactly(
              "概况",
              "设区市",
              "县（市、区）",
              "山区26县",
              "非山区县（市、区）",
              "红黑榜",
              "双闭环异常",
              "目标达成",
              "预警",
              "举一反三",
              "说明");
      assertThat(book.getSheet("设区市").getPhysicalNumberOfRows()).isEqualTo(12);
    }

    JsonObject snapshot = ok(API.get("/api/v1/bulletins/monthly-0001.json", countyKey));
    assertThat(snapshot.getString("id")).isEqualTo("monthly-0001");
    assertThat(snapshot.getJsonArray("groups")).hasSize(4);
    assertThat(snapshot.encode()).doesNotContain("enterprise", "description");
  }

  private static void thePublicationIsAudited() {
    List<AuditEntry> published =
        new AuditLog(API.warehouse(), Clock.systemUTC())
            .find(new AuditQuery(null, null, "bulletin.publish", null, null, null, 100));
    assertThat(published)
        .extracting(AuditEntry::actorTenant, AuditEntry::keyId, AuditEntry::object)
        .contains(tuple("330000", "admin", "monthly-0001"));
  }

  private static void aSecondBulletinForThePeriodIsAConflictAndACorrectionIsTheNextIssue()
      throws Exception {
    HttpResponse<Buffer> again = publish(new JsonObject().put("period", "2024-01"), API.adminKey());
    assertThat(again.statusCode()).as(Answers.describe(again)).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("existing")).isEqualTo("monthly-0001");
    assertThat(again.bodyAsJsonObject().getString("message")).contains("corrects");

    HttpResponse<Buffer> correction =
        publish(new JsonObject().put("corrects", "monthly-0001"), API.adminKey());
    assertThat(correction.statusCode()).as(Answers.describe(correction)).isEqualTo(201);
    assertThat(correction.bodyAsJsonObject().getInteger("issue_no")).isEqualTo(2);
    assertThat(correction.bodyAsJsonObject().getString("corrects")).isEqualTo("monthly-0001");

    JsonArray rows =
        ok(API.get("/api/v1/bulletins?series=monthly", countyKey)).getJsonArray("rows");
    assertThat(rows).hasSize(2);
    JsonObject first = rows.getJsonObject(1);
    assertThat(first.getString("id")).isEqualTo("monthly-0001");
    assertThat(first.getJsonArray("corrected_by")).containsExactly("monthly-0002");
  }

  @Test
  void publishesOneGroupOfAQuarterWithTheSingularField() throws Exception {
    HttpResponse<Buffer> r =
        publish(new JsonObject().put("period", "2024-Q1").put("group", "cities"), API.adminKey());
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getString("series")).isEqualTo("quarterly");
    assertThat(r.bodyAsJsonObject().getJsonArray("groups")).containsExactly("cities");
  }

  @Test
  void onlyTheProvincePublishes() throws Exception {
    HttpResponse<Buffer> r = publish(new JsonObject().put("period", "2024-02"), countyKey);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
  }

  @Test
  void wrongFieldsAreBadRequestsNamingTheField() throws Exception {
    assertField(new JsonObject(), "period");
    assertField(new JsonObject().put("period", "2024-13"), "period");
    assertField(new JsonObject().put("period", "2024-02").put("groups", "counties"), "groups");
    assertField(
        new JsonObject().put("period", "2024-02").put("groups", new JsonArray().add("lakeside")),
        "groups[0]");
    assertField(
        new JsonObject().put("period", "2024-02").put("group", "a").put("groups", new JsonArray()),
        "groups");
    assertField(new JsonObject().put("period", "2024-02").put("scheme", "nonesuch"), "scheme");
    assertField(
        new JsonObject().put("period", "2024-02").put("corrects", "monthly-9999"), "corrects");
    assertField(new JsonObject().put("period", "2024-02").put("colour", "red"), "colour");
  }

  @Test
  void listFiltersMustBeASeriesAndAPeriod() throws Exception {
    for (String uri :
        List.of("/api/v1/bulletins?series=daily", "/api/v1/bulletins?period=2024-13")) {
      HttpResponse<Buffer> r = await(API.get(uri, countyKey).send());
      assertThat(r.statusCode()).as(uri + " → " + r.bodyAsString()).isEqualTo(400);
    }
  }

  @Test
  void anUnknownBulletinIsNotFound() throws Exception {
    for (String uri :
        List.of(
            "/api/v1/bulletins/monthly-9999.pdf",
            "/api/v1/bulletins/monthly-9999.xlsx",
            "/api/v1/bulletins/monthly-9999.json",
            "/api/v1/bulletins/..%2Fetc.pdf",
            "/api/v1/bulletins/x'%20OR%201=1.pdf")) {
      HttpResponse<Buffer> r = await(API.get(uri, countyKey).send());
      assertThat(r.statusCode()).as(uri + " → " + r.bodyAsString()).isEqualTo(404);
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    }
  }

  @Test
  void schedulesAreReadByAnyoneAndChangedByTheProvince() throws Exception {
    JsonObject none = ok(API.get("/api/v1/bulletins/schedules", countyKey));
    assertThat(none.getBoolean("running")).isFalse();
    assertThat(none.getJsonArray("rows")).isEmpty();

    try (BulletinScheduler scheduler =
        BulletinScheduler.start(
            API.metadata(),
            API.services().bulletins(),
            Clock.systemUTC(),
            BulletinScheduler.Options.DEFAULTS)) {
      API.server().attachScheduler(scheduler);
      JsonObject all = ok(API.get("/api/v1/bulletins/schedules", countyKey));
      assertThat(all.getBoolean("running")).isTrue();
      JsonArray rows = all.getJsonArray("rows");
      assertThat(rows).hasSize(2);
      JsonObject monthly = rows.getJsonObject(0);
      assertThat(monthly.getString("series")).isEqualTo("monthly");
      assertThat(monthly.getBoolean("enabled")).isTrue();
      assertThat(monthly.getInteger("working_day")).isEqualTo(5);
      assertThat(monthly.getString("time")).isEqualTo("09:00");
      assertThat(monthly.getString("next_due")).isNotNull();
      assertThat(monthly.getString("next_run")).isNotNull();
      assertThat(monthly.getValue("wait_for_signoff")).as("not waiting by default").isNull();
      assertThat(monthly.getJsonArray("held")).isEmpty();

      HttpResponse<Buffer> off =
          put(
              "/api/v1/bulletins/schedules/monthly",
              new JsonObject().put("enabled", false),
              API.adminKey());
      assertThat(off.statusCode()).as(Answers.describe(off)).isEqualTo(200);
      assertThat(off.bodyAsJsonObject().getBoolean("enabled")).isFalse();
      assertThat(off.bodyAsJsonObject().getString("next_run")).isNull();

      HttpResponse<Buffer> changed =
          put(
              "/api/v1/bulletins/schedules/quarterly",
              new JsonObject()
                  .put("working_day", 3)
                  .put("time", "10:30")
                  .put("groups", new JsonArray().add("cities")),
              API.adminKey());
      assertThat(changed.statusCode()).as(Answers.describe(changed)).isEqualTo(200);
      assertThat(changed.bodyAsJsonObject().getString("time")).isEqualTo("10:30");
      assertThat(changed.bodyAsJsonObject().getJsonArray("groups")).containsExactly("cities");

      assertThat(
              put(
                      "/api/v1/bulletins/schedules/monthly",
                      new JsonObject().put("enabled", true),
                      countyKey)
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              put(
                      "/api/v1/bulletins/schedules/weekly",
                      new JsonObject().put("enabled", true),
                      API.adminKey())
                  .statusCode())
          .isEqualTo(404);
      assertScheduleField(new JsonObject().put("working_day", 0), "working_day");
      assertScheduleField(new JsonObject().put("time", "9am"), "time");
      assertScheduleField(new JsonObject().put("enabled", "yes"), "enabled");
      assertScheduleField(
          new JsonObject().put("groups", new JsonArray().add("lakeside")), "groups[0]");
      assertScheduleField(new JsonObject().put("scheme", "nonesuch"), "scheme");
      assertScheduleField(new JsonObject().put("wait_for_signoff", 15), "wait_for_signoff");
      assertScheduleField(
          new JsonObject().put("wait_for_signoff", new JsonObject().put("until_day", 29)),
          "wait_for_signoff.until_day");
      assertScheduleField(
          new JsonObject().put("wait_for_signoff", new JsonObject().put("day", 3)),
          "wait_for_signoff.day");
      HttpResponse<Buffer> quarterly =
          put(
              "/api/v1/bulletins/schedules/quarterly",
              new JsonObject().put("wait_for_signoff", new JsonObject().put("until_day", 15)),
              API.adminKey());
      assertThat(quarterly.statusCode()).as(Answers.describe(quarterly)).isEqualTo(400);
      assertThat(quarterly.bodyAsJsonObject().getString("field")).isEqualTo("wait_for_signoff");

      JsonObject waiting =
          put(
                  "/api/v1/bulletins/schedules/monthly",
                  new JsonObject().put("wait_for_signoff", new JsonObject().put("until_day", 15)),
                  API.adminKey())
              .bodyAsJsonObject();
      assertThat(waiting.getJsonObject("wait_for_signoff").getInteger("until_day")).isEqualTo(15);
      JsonObject stopped =
          put(
                  "/api/v1/bulletins/schedules/monthly",
                  new JsonObject().putNull("wait_for_signoff"),
                  API.adminKey())
              .bodyAsJsonObject();
      assertThat(stopped.getValue("wait_for_signoff")).isNull();
      assertThat(
              new AuditLog(API.warehouse(), Clock.systemUTC())
                  .find(new AuditQuery(null, null, "bulletin.schedule", null, null, null, 100)))
          .as("every change of a schedule is audited, refused ones are not")
          .extracting(AuditEntry::object)
          .containsExactlyInAnyOrder("monthly", "quarterly", "monthly", "monthly");
    }
  }

  private static void assertField(JsonObject body, String field) throws Exception {
    HttpResponse<Buffer> r = publish(body, API.adminKey());
    assertThat(r.statusCode()).as(body + " → " + r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("field")).as(body.encode()).isEqualTo(field);
  }

  private static void assertScheduleField(JsonObject body, String field) throws Exception {
    HttpResponse<Buffer> r = put("/api/v1/bulletins/schedules/monthly", body, API.adminKey());
    assertThat(r.statusCode()).as(body + " → " + r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("field")).as(body.encode()).isEqualTo(field);
  }

  private static HttpResponse<Buffer> publish(JsonObject body, String key) throws Exception {
    return await(API.post("/api/v1/bulletins", key).sendJsonObject(body));
  }

  private static HttpResponse<Buffer> put(String uri, JsonObject body, String key)
      throws Exception {
    return await(API.put(uri, key).sendJsonObject(body));
  }
}
