package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.warehouse.TenantPeriodCountsTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/rankings} answered from the kept, serialized answer over a real ClickHouse
 * holding the sample feed's counts: the same request twice gives the same bytes and {@code ETag};
 * {@code If-None-Match} gives 304 with no body; gzip when accepted; new counts in {@code
 * tenant_period_counts} change the tag and the figures; a tag made for one county's key is never
 * honoured for another county's.
 */
class LeagueTableCacheITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  /** 长兴县, a county of 湖州市. */
  private static final String COUNTY = "330522";

  private static final String JANUARY = "/api/v1/rankings?period=2024-01&group=counties";

  @Test
  void theSameRequestTwiceGivesTheSameBytesAndTag() throws Exception {
    HttpResponse<Buffer> first = send(API.get(JANUARY, API.adminKey()));
    HttpResponse<Buffer> second = send(API.get(JANUARY, API.adminKey()));
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    String etag = first.getHeader("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(second.getHeader("ETag")).isEqualTo(etag);
    assertThat(first.getHeader("Cache-Control")).isEqualTo("private, no-cache");
    assertThat(first.getHeader("Content-Encoding")).isNull();
    assertThat(second.body().getBytes()).isEqualTo(first.body().getBytes());
    assertThat(first.bodyAsJsonObject().getJsonArray("rows")).hasSize(90);
  }

  @Test
  void ifNoneMatchWithTheTagIsNotModifiedWithoutABody() throws Exception {
    HttpResponse<Buffer> first = send(API.get(JANUARY, API.adminKey()));
    String etag = first.getHeader("ETag");
    for (String ifNoneMatch : new String[] {etag, "\"other\", " + etag, "W/" + etag, "*"}) {
      HttpResponse<Buffer> again =
          send(API.get(JANUARY, API.adminKey()).putHeader("If-None-Match", ifNoneMatch));
      assertThat(again.statusCode()).as(ifNoneMatch).isEqualTo(304);
      assertThat(again.body() == null || again.body().length() == 0).as(ifNoneMatch).isTrue();
      assertThat(again.getHeader("ETag")).isEqualTo(etag);
      assertThat(again.getHeader("Cache-Control")).isEqualTo("private, no-cache");
    }
    HttpResponse<Buffer> stale =
        send(API.get(JANUARY, API.adminKey()).putHeader("If-None-Match", "\"0123\""));
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body().getBytes()).isEqualTo(first.body().getBytes());
  }

  @Test
  void gzipWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<Buffer> plain = send(API.get(JANUARY, API.adminKey()));
    // Not through the watched client: the contract check reads bodies as JSON, not gzip.
    java.net.http.HttpResponse<byte[]> zipped =
        HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create("http://" + ApiTestServer.HOST + ":" + API.port() + JANUARY))
                    .header("Authorization", "Bearer " + API.adminKey())
                    .header("Accept-Encoding", "gzip, deflate")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("ETag")).hasValue(plain.getHeader("ETag"));
    assertThat(zipped.body().length).isLessThan(plain.body().length() / 3);
    assertThat(gunzip(zipped.body())).isEqualTo(plain.body().getBytes());
  }

  @Test
  void newCountsChangeTheTagAndTheFigures() throws Exception {
    String february = "/api/v1/rankings?period=2024-02&group=counties";
    HttpResponse<Buffer> before = send(API.get(february, API.adminKey()));
    assertThat(before.statusCode()).isEqualTo(200);
    String etag = before.getHeader("ETag");
    long received = received(before.bodyAsJsonObject(), COUNTY);

    // The stream job's next version of the county's February counts: 7 more cases received.
    String columns = String.join(", ", TenantPeriodCountsTable.INSERT.columns());
    String select =
        Arrays.stream(TenantPeriodCountsTable.values())
            .map(
                c ->
                    switch (c) {
                      case RECEIVED -> c + " + 7";
                      case VERSION -> c + " + 1";
                      default -> c.sql();
                    })
            .collect(Collectors.joining(", "));
    try (Connection c = API.warehouse().connect();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO tenant_period_counts ("
              + columns
              + ") SELECT "
              + select
              + " FROM tenant_period_counts FINAL"
              + " WHERE period_kind = 'month' AND period = '2024-02' AND tenant_code = '"
              + COUNTY
              + "'");
    }
    // One reading of the counts' version answers for 100 ms: within a second the new figures show.
    HttpResponse<Buffer> after = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      after = send(API.get(february, API.adminKey()).putHeader("If-None-Match", etag));
      if (after.statusCode() != 304) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.getHeader("ETag")).isNotEqualTo(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(received(after.bodyAsJsonObject(), COUNTY)).isEqualTo(received + 7);
    HttpResponse<Buffer> again = send(API.get(february, API.adminKey()));
    assertThat(again.getHeader("ETag")).isEqualTo(after.getHeader("ETag"));
    assertThat(again.body().getBytes()).isEqualTo(after.body().getBytes());
  }

  @Test
  void aTagIsNeverHonouredForAnotherScope() throws Exception {
    String other =
        API.registry().atLevel(TenantLevel.COUNTY).stream()
            .map(Tenant::code)
            .filter(code -> !code.equals(COUNTY))
            .findFirst()
            .orElseThrow();
    String quarter = "/api/v1/rankings?period=2024-Q1&group=counties";
    HttpResponse<Buffer> mine = send(API.get(quarter, API.key(COUNTY)));
    assertThat(mine.statusCode()).isEqualTo(200);
    String myTag = mine.getHeader("ETag");
    HttpResponse<Buffer> theirs =
        send(API.get(quarter, API.key(other)).putHeader("If-None-Match", myTag));
    assertThat(theirs.statusCode()).as("another county's tag").isEqualTo(200);
    String theirTag = theirs.getHeader("ETag");
    assertThat(theirTag).isNotEqualTo(myTag);
    HttpResponse<Buffer> back =
        send(API.get(quarter, API.key(COUNTY)).putHeader("If-None-Match", theirTag));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.getHeader("ETag")).isEqualTo(myTag);
    HttpResponse<Buffer> province =
        send(API.get(quarter, API.adminKey()).putHeader("If-None-Match", myTag));
    assertThat(province.statusCode()).isEqualTo(200);
    assertThat(province.getHeader("ETag")).isNotIn(myTag, theirTag);
    HttpResponse<Buffer> mineAgain =
        send(API.get(quarter, API.key(COUNTY)).putHeader("If-None-Match", myTag));
    assertThat(mineAgain.statusCode()).isEqualTo(304);
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request) throws Exception {
    return request.send().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }

  private static long received(JsonObject table, String tenant) {
    Map<String, Long> byTenant =
        table.getJsonArray("rows").stream()
            .map(JsonObject.class::cast)
            .collect(Collectors.toMap(r -> r.getString("tenant"), r -> r.getLong("received")));
    return byTenant.get(tenant);
  }

  private static byte[] gunzip(byte[] zipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      return in.readAllBytes();
    }
  }
}
