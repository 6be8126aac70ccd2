package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.testing.Eventually;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/quarantine}, {@code quarantined} on {@code GET /api/v1/batches/{id}} and the
 * Prometheus gauge, over rows the stream job's sink writes into a real ClickHouse.
 */
class QuarantineApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String PROVINCE = "330000";
  private static final String COUNTY = "330522";
  private static final Instant T0 = Instant.parse("2024-03-05T02:00:00.123Z");

  private static String batch;

  @BeforeAll
  static void upload() throws Exception {
    String csv =
        "case_id,tenant_code,updated_at,enterprise_uscc,enterprise_name,channel,category,"
            + "received_at,status\n"
            + "q-1,"
            + COUNTY
            + ",2024-03-05T10:00:00+08:00,91350100M000100Y43,企业,hotline_12345,policy,"
            + "2024-03-05T09:00:00+08:00,received\n";
    HttpResponse<Buffer> r = API.upload(API.key(COUNTY), "text/csv", Buffer.buffer(csv));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    batch = r.bodyAsJsonObject().getString("batch_id");
  }

  @Test
  void theProvinceReadsTheQuarantineAndTheBatchCountsItsLines() throws Exception {
    String province = API.key(PROVINCE);
    assertThat(batchStatus().getInteger("quarantined")).as("none yet").isZero();
    QuarantineTable table = new QuarantineTable(API.warehouse());
    QuarantinedLine line3 = row(batch, 3, COUNTY, "c-3", "parse records", T0);
    table.insert(
        List.of(
            line3,
            line3, // a replay after a restart: the same key again
            row(batch, 7, COUNTY, "c-7", "case facts", T0.plusSeconds(1)),
            row(batch, 7, COUNTY, "c-7", "period counts", T0.plusSeconds(2)),
            row("b_other", 2, "330521", "", "parse records", T0.plusSeconds(3))));

    assertThat(batchStatus().getInteger("quarantined")).as("distinct lines").isEqualTo(2);

    JsonArray all = rows("/api/v1/quarantine", province);
    assertThat(all).hasSize(4);
    assertThat(all.getJsonObject(0).getString("batch_id")).as("newest first").isEqualTo("b_other");
    assertThat(all.getJsonObject(0).getString("case_id")).as("unknown").isNull();
    JsonObject oldest = all.getJsonObject(3);
    assertThat(oldest.getLong("line")).isEqualTo(3);
    assertThat(oldest.getString("tenant")).isEqualTo(COUNTY);
    assertThat(oldest.getString("case_id")).isEqualTo("c-3");
    assertThat(oldest.getString("operator")).isEqualTo("parse records");
    assertThat(oldest.getString("reason")).isEqualTo("java.lang.IllegalArgumentException: bad");
    assertThat(oldest.getString("content")).isEqualTo("{oops");
    assertThat(oldest.getString("at")).isEqualTo(T0.toString());

    assertThat(rows("/api/v1/quarantine?batch=" + batch, province)).hasSize(3);
    assertThat(rows("/api/v1/quarantine?tenant=330521", province)).hasSize(1);
    assertThat(rows("/api/v1/quarantine?batch=" + batch + "&tenant=330521", province)).isEmpty();
    assertThat(rows("/api/v1/quarantine?limit=1", province)).hasSize(1);

    for (String bad :
        List.of("batch=../etc", "batch=" + "b".repeat(65), "tenant=33", "limit=0", "limit=1001")) {
      HttpResponse<Buffer> r = await(API.get("/api/v1/quarantine?" + bad, province).send());
      assertThat(r.statusCode()).as(bad + ": " + Answers.describe(r)).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
    }
    assertThat(await(API.get("/api/v1/quarantine?tenant=339999", province).send()).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> refused = await(API.get("/api/v1/quarantine", API.key(COUNTY)).send());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("province");

    String metrics = awaitMetric("liangshai_quarantined_records 3.0");
    assertThat(metrics).contains("# HELP liangshai_quarantined_records Landed lines");
  }

  private static QuarantinedLine row(
      String batch, long line, String tenant, String caseId, String operator, Instant at) {
    return new QuarantinedLine(
        batch,
        line,
        tenant,
        caseId,
        operator,
        "java.lang.IllegalArgumentException: bad",
        "{oops",
        at);
  }

  private static JsonObject batchStatus() throws Exception {
    return ok(API.get("/api/v1/batches/" + batch, API.key(COUNTY)));
  }

  private static JsonArray rows(String uri, String key) throws Exception {
    return ok(API.get(uri, key)).getJsonArray("rows");
  }

  /** Scrapes {@code /metrics} until it has {@code sample} (the gauge is read every 10 s). */
  private static String awaitMetric(String sample) throws Exception {
    String text =
        Eventually.within(
            Duration.ofSeconds(40), API::metrics, t -> t.lines().anyMatch(sample::equals));
    assertThat(text.lines()).as("/metrics").contains(sample);
    return text;
  }
}
