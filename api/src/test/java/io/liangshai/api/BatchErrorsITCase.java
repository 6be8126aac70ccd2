package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.vocabulary.Vocabulary;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch with more row errors than an answer lists: the answer and the batch status carry the
 * first 1,000 and {@code errors_total}; {@code GET /api/v1/batches/{id}/errors} carries all of
 * them, as CSV for Excel or as JSON, to the same callers as the batch.
 */
class BatchErrorsITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String COUNTY = "330522";
  private static final String SIBLING = "330521";
  private static final int BAD_ROWS = 1_234;

  private static String key;
  private static JsonObject answer;

  @BeforeAll
  static void start() throws Exception {
    key = API.issueKey(COUNTY);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < BAD_ROWS; i++) {
      Map<String, Object> row = aCase().caseId("ok").row();
      row.put("case_id", "c-" + i + " "); // one error each: white space after the id
      body.append(new JsonObject(row).encode()).append('\n');
    }
    body.append(new JsonObject(aCase().caseId("kept").row()).encode()).append('\n');
    HttpResponse<Buffer> r =
        API.upload(key, "application/x-ndjson", Buffer.buffer(body.toString()));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    answer = r.bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> get(String uri, String secret) throws Exception {
    return await(API.get(uri, secret).send());
  }

  private static String errorsUri() {
    return "/api/v1/batches/" + answer.getString("batch_id") + "/errors";
  }

  @Test
  void theBatchIsAnsweredFromPostgresWhenThisLandingZoneLacksItsManifestFile() throws Exception {
    String id = answer.getString("batch_id");
    Path file = API.landing().resolve("batches").resolve(id + ".json");
    Path aside = file.resolveSibling(".aside-" + id + ".json");
    Files.move(file, aside); // as on an instance that did not take the batch
    try {
      HttpResponse<Buffer> status = get("/api/v1/batches/" + id, key);
      assertThat(status.statusCode()).as(Answers.describe(status)).isEqualTo(200);
      assertThat(status.bodyAsJsonObject().getInteger("errors_total")).isEqualTo(BAD_ROWS);
    } finally {
      Files.move(aside, file);
    }
  }

  @Test
  void theAnswerListsTheFirst1000ErrorsAndTheirTotal() throws Exception {
    JsonObject status =
        get("/api/v1/batches/" + answer.getString("batch_id"), key).bodyAsJsonObject();

    for (JsonObject batch : List.of(answer, status)) {
      assertThat(batch.getInteger("accepted")).isEqualTo(1);
      assertThat(batch.getInteger("rejected")).isEqualTo(BAD_ROWS);
      assertThat(batch.getInteger("errors_total")).isEqualTo(BAD_ROWS);
      JsonArray errors = batch.getJsonArray("errors");
      assertThat(errors).hasSize(1_000);
      assertThat(errors.getJsonObject(0).getInteger("row")).isEqualTo(1);
      assertThat(errors.getJsonObject(999).getInteger("row")).isEqualTo(1_000);
      JsonObject first = errors.getJsonObject(0);
      assertThat(first.getString("code")).isEqualTo("case_id.surrounding_space");
      assertThat(first.getJsonObject("params").getMap()).containsExactly(entry("found", "c-0 "));
    }
  }

  @Test
  void downloadsEveryErrorAsCsvWithAByteOrderMarkForExcel() throws Exception {
    HttpResponse<Buffer> r = get(errorsUri(), key);

    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(r.getHeader("Content-Disposition")).contains(".errors.csv");
    String text = r.body().toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFrow,case_id,field,message,code,params\r\n");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    assertThat(rows).hasSize(BAD_ROWS);
    CSVRecord last = rows.get(BAD_ROWS - 1);
    assertThat(last.get("row")).isEqualTo(String.valueOf(BAD_ROWS));
    assertThat(last.get("case_id")).isEqualTo("c-" + (BAD_ROWS - 1) + " ");
    assertThat(last.get("field")).isEqualTo("case_id");
    assertThat(last.get("message")).contains("white space");
    assertThat(last.get("code")).isEqualTo(ErrorCode.CASE_ID_SURROUNDING_SPACE.wireName());
    assertThat(new JsonObject(last.get("params")).getString("found"))
        .isEqualTo("c-" + (BAD_ROWS - 1) + " ");
  }

  @Test
  void downloadsEveryErrorAsJsonOnRequest() throws Exception {
    HttpResponse<Buffer> r = get(errorsUri() + "?format=json", key);

    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("batch_id")).isEqualTo(answer.getString("batch_id"));
    assertThat(body.getInteger("errors_total")).isEqualTo(BAD_ROWS);
    assertThat(body.getJsonArray("errors")).hasSize(BAD_ROWS);
    JsonObject last = body.getJsonArray("errors").getJsonObject(BAD_ROWS - 1);
    assertThat(last.getInteger("row")).isEqualTo(BAD_ROWS);
    assertThat(last.getString("code")).isEqualTo("case_id.surrounding_space");
    assertThat(
            Vocabulary.text(
                ErrorCode.CASE_ID_SURROUNDING_SPACE, stringMap(last.getJsonObject("params"))))
        .startsWith("首尾不能有空白字符，实为「c-" + (BAD_ROWS - 1) + " 」");
  }

  @Test
  void servesThePageTheVocabularyWithoutAKey() throws Exception {
    HttpResponse<Buffer> r = await(API.request(HttpMethod.GET, "/vocabulary.json").send());

    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject served = r.bodyAsJsonObject();
    for (String section : List.of("channel", "status", "field", "indicator", "group", "error")) {
      assertThat(stringMap(served.getJsonObject(section)))
          .as(section)
          .isEqualTo(Vocabulary.section(section));
    }
  }

  private static Map<String, String> stringMap(JsonObject o) {
    Map<String, String> m = new LinkedHashMap<>();
    o.forEach(e -> m.put(e.getKey(), e.getValue().toString()));
    return m;
  }

  @Test
  void refusesAnUnknownFormatAnUnknownBatchAndAnotherTenant() throws Exception {
    HttpResponse<Buffer> xml = get(errorsUri() + "?format=xml", key);
    assertThat(xml.statusCode()).isEqualTo(400);
    assertThat(xml.bodyAsJsonObject().getString("message")).contains("csv or json");

    HttpResponse<Buffer> unknown = get("/api/v1/batches/b_20240101T000000000_00000000/errors", key);
    assertThat(unknown.statusCode()).isEqualTo(404);

    HttpResponse<Buffer> sibling = get(errorsUri(), API.issueKey(SIBLING));
    assertThat(sibling.statusCode()).isEqualTo(403);
    assertThat(sibling.bodyAsJsonObject().getString("message")).contains("outside the scope");
  }

  @Test
  void whilePostgresCannotReadTheManifestsTheBatchAndItsErrorsAnswer503WithoutTheDriversText()
      throws Exception {
    String batch = "/api/v1/batches/" + answer.getString("batch_id");
    try (var c = API.metadata().getConnection();
        var st = c.createStatement()) {
      st.execute("ALTER TABLE batch_manifests RENAME TO batch_manifests_away");
      try {
        for (String uri : List.of(batch, errorsUri())) {
          HttpResponse<Buffer> r = get(uri, key);
          assertThat(r.statusCode()).as(uri + " → " + r.bodyAsString()).isEqualTo(503);
          assertThat(r.getHeader("Retry-After")).isEqualTo("5");
          assertThat(r.bodyAsJsonObject().getString("message"))
              .contains("PostgreSQL")
              .doesNotContain("PSQLException", "batch_manifests", "relation");
        }
      } finally {
        st.execute("ALTER TABLE batch_manifests_away RENAME TO batch_manifests");
      }
    }
    assertThat(get(batch, key).statusCode()).isEqualTo(200);
  }
}
