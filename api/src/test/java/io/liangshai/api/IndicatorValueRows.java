package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;

/**
 * The calls the reported-values tests make on an {@link ApiTestServer}: define a {@code reported}
 * indicator, upload values, read one tenant's value of one indicator from {@code /api/v1/metrics}
 * (bare values exactly, as decimals).
 */
final class IndicatorValueRows {

  private static final ObjectMapper EXACT =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ApiTestServer api;

  IndicatorValueRows(ApiTestServer api) {
    this.api = api;
  }

  /** Defines (as the province) a {@code reported} indicator. */
  void define(String code, String name, String direction) throws Exception {
    HttpResponse<Buffer> r =
        await(
            api.post("/api/v1/indicators", api.adminKey())
                .sendJsonObject(
                    new JsonObject()
                        .put("code", code)
                        .put("name", name)
                        .put("kind", "reported")
                        .put("direction", direction)));
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
  }

  /** The answer to an upload, whatever it is. */
  HttpResponse<Buffer> send(String key, String contentType, Buffer body) throws Exception {
    return await(
        api.post("/api/v1/indicator-values", key)
            .putHeader("Content-Type", contentType)
            .sendBuffer(body));
  }

  /** The answer to an upload that must be taken (200). */
  JsonObject upload(String key, String contentType, Buffer body) throws Exception {
    HttpResponse<Buffer> r = send(key, contentType, body);
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** {@code indicators.<code>} of {@code tenant}'s metrics row for {@code period}, exactly. */
  JsonNode value(String period, String tenant, String code) throws Exception {
    HttpResponse<Buffer> r =
        await(
            api.get("/api/v1/metrics?period=" + period + "&tenant=" + tenant, api.adminKey())
                .send());
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    JsonNode v = EXACT.readTree(r.bodyAsString()).path("indicators").path(code);
    assertThat(v.isObject()).as(period + " " + tenant + ": " + r.bodyAsString()).isTrue();
    return v;
  }

  /** A JSON number or null as a decimal. */
  static BigDecimal decimal(JsonNode n) {
    return n == null || n.isNull() ? null : n.decimalValue();
  }

  /** The row of {@code GET /api/v1/audit?action=…} about {@code object}. */
  JsonObject audited(String action, String object) throws Exception {
    return ok(api.get("/api/v1/audit?action=" + action, api.adminKey()))
        .getJsonArray("rows")
        .stream()
        .map(JsonObject.class::cast)
        .filter(a -> object.equals(a.getString("object")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " audit row of " + object));
  }
}
