package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import io.liangshai.warehouse.quarantine.QuarantinedLine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/quarantine}, {@code quarantined} on {@code GET /api/v1/batches/{id}} and the
 * Prometheus gauge, over rows the stream job's sink writes into a real ClickHouse.
 */
class QuarantineApiITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final String COUNTY = "330522";
  private static final Instant T0 = Instant.parse("2024-03-05T02:00:00.123Z");

  @TempDir static Path landing;

  private static Vertx vertx;
  private static ApiTestServer api;
  private static String province;
  private static String county;
  private static String batch;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    api = ApiTestServer.start(vertx, CLICKHOUSE.jdbcUrl(), landing);
    province = await(api.issueKey("330000"));
    county = await(api.issueKey(COUNTY));
    String csv =
        "case_id,tenant_code,updated_at,enterprise_uscc,enterprise_name,channel,category,"
            + "received_at,status\n"
            + "q-1,"
            + COUNTY
            + ",2024-03-05T10:00:00+08:00,91350100M000100Y43,企业,hotline_12345,policy,"
            + "2024-03-05T09:00:00+08:00,received\n";
    HttpResponse<Buffer> r =
        await(
            api.post("/api/v1/cases", county)
                .putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv)));
    assertThat(r.statusCode()).as(ApiTestServer.describe(r)).isEqualTo(200);
    batch = r.bodyAsJsonObject().getString("batch_id");
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @Test
  void theProvinceReadsTheQuarantineAndTheBatchCountsItsLines() throws Exception {
    assertThat(batchStatus().getInteger("quarantined")).as("none yet").isZero();
    QuarantineTable table = new QuarantineTable(api.warehouse);
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
      HttpResponse<Buffer> r = await(api.get("/api/v1/quarantine?" + bad, province).send());
      assertThat(r.statusCode()).as(bad + ": " + ApiTestServer.describe(r)).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
    }
    assertThat(await(api.get("/api/v1/quarantine?tenant=339999", province).send()).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> refused = await(api.get("/api/v1/quarantine", county).send());
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
    HttpResponse<Buffer> r = await(api.get("/api/v1/batches/" + batch, county).send());
    assertThat(r.statusCode()).as(ApiTestServer.describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static JsonArray rows(String uri, String key) throws Exception {
    HttpResponse<Buffer> r = await(api.get(uri, key).send());
    assertThat(r.statusCode()).as(uri + ": " + ApiTestServer.describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("rows");
  }

  /** Scrapes {@code /metrics} until it has {@code sample} (the gauge is read every 10 s). */
  private static String awaitMetric(String sample) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    while (true) {
      String text = await(api.request(HttpMethod.GET, "/metrics").send()).bodyAsString();
      if (text.lines().anyMatch(l -> l.equals(sample)) || Instant.now().isAfter(deadline)) {
        assertThat(text.lines()).as("/metrics").contains(sample);
        return text;
      }
      Thread.sleep(200);
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
