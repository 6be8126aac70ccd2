package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.IndicatorValuesApiITCase.assertCounts;
import static io.liangshai.api.IndicatorValuesApiITCase.bare;
import static io.liangshai.api.IndicatorValuesApiITCase.fraction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.IndicatorValueUploads;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code POST /api/v1/indicator-values} refuses (SPEC §7, answered as {@code POST
 * /api/v1/cases} is, §2): row errors of every kind, each naming its row, field and problem, the
 * other rows kept; scope (a key reports for its tenant and descendants only); bodies that cannot be
 * taken at all (400, 413, 415, nothing kept); and the XLSX template, filled in and uploaded back.
 */
class IndicatorValueErrorsApiITCase {

  private static final long MAX_BODY = 64 * 1024;

  @RegisterExtension
  static final ApiTestServer API =
      new ApiTestServer(new LiangshaiConfig.Limits(MAX_BODY, 1000, 100_000));

  private static final IndicatorValueRows ROWS = new IndicatorValueRows(API);

  @BeforeAll
  static void defineIndicators() throws Exception {
    ROWS.define("policy_payout", "政策兑现率", "higher_better");
    ROWS.define("retired_one", "已停用指标", "higher_better");
    Answers.ok(API.post("/api/v1/indicators/retired_one/retire", API.adminKey()));
  }

  @Test
  void everyKindOfRowErrorNamesItsRowFieldAndProblemAndTheOtherRowsAreKept() throws Exception {
    JsonArray rows =
        new JsonArray()
            .add(fraction("policy_payout", "330522", "2024-01", 1, 2))
            .add(fraction("never_defined", "330522", "2024-01", 1, 2))
            .add(fraction("retired_one", "330522", "2024-01", 1, 2))
            .add(fraction("resolution_rate", "330522", "2024-01", 1, 2))
            .add(fraction("policy_payout", "330521", "2024-01", 1, 2))
            .add(fraction("policy_payout", "330522", "2024-Q1", 1, 2))
            .add(fraction("policy_payout", "330522", "2024-02", 5, 4))
            .add(fraction("policy_payout", "330522", "2024-02", 0, 0))
            .add(bare("policy_payout", "330522", "2024-02", "0.5"))
            .add(fraction("policy_payout", "330522", "2024-02", 1, 2).put("colour", "red"))
            .add("not an object");

    JsonObject answer = ROWS.upload(API.key("330522"), "application/json", rows.toBuffer());

    assertCounts(answer, 1, 0, 10);
    List<String> errors = new ArrayList<>();
    answer
        .getJsonArray("errors")
        .forEach(
            e -> {
              JsonObject error = (JsonObject) e;
              errors.add(
                  error.getInteger("row")
                      + " "
                      + error.getString("field")
                      + " "
                      + error.getString("code")
                      + ": "
                      + error.getString("message"));
            });
    assertThat(errors)
        .satisfiesExactly(
            e ->
                assertThat(e).startsWith("2 indicator indicator.unknown").contains("never_defined"),
            e -> assertThat(e).startsWith("3 indicator indicator.unknown").contains("retired_one"),
            e ->
                assertThat(e)
                    .startsWith("4 indicator indicator.not_reported")
                    .contains("resolution_rate"),
            e ->
                assertThat(e)
                    .startsWith("5 tenant_code tenant.out_of_scope")
                    .contains("330521", "330522"),
            e -> assertThat(e).startsWith("6 period period.not_month").contains("2024-Q1"),
            e ->
                assertThat(e)
                    .startsWith("7 numerator reported.numerator_above_denominator")
                    .contains("policy_payout, tenant 330522, 2024-02: numerator 5", "4"),
            e -> assertThat(e).startsWith("8 denominator reported.denominator_zero"),
            e ->
                assertThat(e)
                    .startsWith("9 value reported.form_mismatch")
                    .contains("policy_payout"),
            e -> assertThat(e).startsWith("10 colour field.unknown").contains("colour"),
            e -> assertThat(e).startsWith("11 null row.not_object"));
    JsonNode kept = ROWS.value("2024-01", "330522", "policy_payout");
    assertThat(kept.get("numerator").asLong()).isEqualTo(1);
    assertThat(kept.get("denominator").asLong()).isEqualTo(2);
  }

  @Test
  void aKeyReportsForItsTenantAndDescendantsOnly() throws Exception {
    JsonObject answer =
        ROWS.upload(
            API.key("330500"),
            "application/json",
            new JsonArray()
                .add(fraction("policy_payout", "330127", "2024-03", 1, 2))
                .add(fraction("policy_payout", "330100", "2024-03", 1, 2))
                .add(fraction("policy_payout", "330523", "2024-03", 1, 2))
                .add(fraction("policy_payout", "330500", "2024-03", 1, 3))
                .toBuffer());

    assertCounts(answer, 2, 0, 2);
    assertThat(answer.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("code")))
        .containsExactly("tenant.out_of_scope", "tenant.out_of_scope");
    // 湖州市's own upload is its value, not the sum of its counties'
    JsonNode city = ROWS.value("2024-03", "330500", "policy_payout");
    assertThat(city.get("denominator").asLong()).isEqualTo(3);
  }

  @Test
  void aBodyThatCannotBeTakenIsRefusedWholeAndNothingIsKept() throws Exception {
    long keptBefore = keptUploads();
    String key = API.key("330522");

    assertStatus(ROWS.send(key, "application/json", Buffer.buffer("[{\"indicator\": ")), 400, "");
    assertStatus(
        ROWS.send(key, "text/csv", Buffer.buffer("indicator,colour\npolicy_payout,red\n")),
        400,
        "colour");
    assertStatus(ROWS.send(key, "text/plain", Buffer.buffer("x")), 415, "text/plain");
    assertStatus(
        ROWS.send(key, "text/csv", Buffer.buffer("a".repeat((int) MAX_BODY + 1))), 413, "limit");
    assertStatus(
        ROWS.send(key, BatchFormat.XLSX_CONTENT_TYPE, Buffer.buffer("not a workbook")), 400, "");
    String tooManyRows =
        "indicator,tenant_code,period,numerator,denominator\n"
            + "policy_payout,330522,2024-06,1,2\n".repeat(1001);
    assertThat(tooManyRows.length()).isLessThan((int) MAX_BODY);
    assertStatus(ROWS.send(key, "text/csv", Buffer.buffer(tooManyRows)), 413, "1000 rows");

    assertThat(keptUploads()).isEqualTo(keptBefore);
  }

  @Test
  void theTemplateHasChineseHeadersAndUploadsBackFilledIn() throws Exception {
    HttpResponse<Buffer> template =
        await(API.get("/api/v1/templates/indicator-values.xlsx", API.key("330522")).send());
    assertThat(template.statusCode()).as(describe(template)).isEqualTo(200);
    assertThat(template.getHeader("Content-Type")).isEqualTo(BatchFormat.XLSX_CONTENT_TYPE);

    byte[] filled;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body().getBytes()));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.getSheetAt(0);
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).containsExactly("指标代码", "行政区划代码", "月份", "分子", "分母", "数值");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("policy_payout");
      row.createCell(1).setCellValue(330522); // a number, as Excel keeps a typed code
      row.createCell(2).setCellValue("2024-05");
      row.createCell(3).setCellValue(3);
      row.createCell(4).setCellValue(5);
      wb.write(out);
      filled = out.toByteArray();
    }

    JsonObject answer =
        ROWS.upload(API.key("330522"), BatchFormat.XLSX_CONTENT_TYPE, Buffer.buffer(filled));

    assertCounts(answer, 1, 0, 0);
    JsonNode v = ROWS.value("2024-05", "330522", "policy_payout");
    assertThat(v.get("numerator").asLong()).isEqualTo(3);
    assertThat(v.get("denominator").asLong()).isEqualTo(5);
    Path kept =
        API.landing()
            .resolve(IndicatorValueUploads.DIRECTORY)
            .resolve(answer.getString("batch_id") + ".xlsx");
    assertThat(Files.readAllBytes(kept)).isEqualTo(filled);
  }

  private static void assertStatus(HttpResponse<Buffer> r, int status, String mentions) {
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("message")).as(describe(r)).contains(mentions);
  }

  private static long keptUploads() throws Exception {
    try (Stream<Path> files = Files.list(API.landing().resolve(IndicatorValueUploads.DIRECTORY))) {
      return files.count();
    }
  }
}
