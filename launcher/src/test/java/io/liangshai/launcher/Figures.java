package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.ExpectedMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads figures and batch states over HTTP and checks them against the expected ones. */
final class Figures {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Figures() {}

  /** Every count and rate of expected.json → metrics, over the API, for every listed tenant. */
  static int assertAllMetricsMatch(String baseUrl, String adminKey) throws Exception {
    ExpectedMetrics expected = ExpectedMetrics.load();
    int compared = 0;
    for (String period : expected.periods()) {
      Map<String, Map<String, Number>> byTenant = expected.metrics(period);
      // The levels of SPEC §6 (county, city), and the province by its code.
      for (String query : List.of("level=county", "level=city", "tenant=330000")) {
        JsonNode answer = get(baseUrl, adminKey, "/api/v1/metrics?period=" + period + "&" + query);
        JsonNode rows =
            answer.has("rows") ? answer.get("rows") : JSON.createArrayNode().add(answer);
        for (JsonNode row : rows) {
          Map<String, Number> want = byTenant.get(row.get("tenant").asText());
          if (want == null) {
            continue;
          }
          for (Map.Entry<String, Number> e : want.entrySet()) {
            String what = period + " " + row.get("tenant").asText() + " " + e.getKey();
            JsonNode got = row.get(e.getKey());
            if (e.getValue() == null) {
              assertThat(got.isNull()).as(what).isTrue();
            } else if (e.getKey().endsWith("_rate")) {
              assertThat(got.asDouble())
                  .as(what)
                  .isCloseTo(e.getValue().doubleValue(), within(1e-12));
            } else {
              assertThat(got.isIntegralNumber()).as(what + " is a JSON integer").isTrue();
              assertThat(got.asLong()).as(what).isEqualTo(e.getValue().longValue());
            }
          }
          compared++;
        }
      }
    }
    return compared;
  }

  /** Waits until every batch says {@code processed}. */
  static void awaitProcessed(
      String baseUrl, String adminKey, List<String> batchIds, Duration timeout) throws Exception {
    awaitProcessed(baseUrl, adminKey, batchIds, Instant.EPOCH, timeout);
  }

  /**
   * Waits until every batch says {@code processed} at {@code since} or later: after a restore,
   * until the job has read the whole landing zone again.
   */
  static void awaitProcessed(
      String baseUrl, String adminKey, List<String> batchIds, Instant since, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    List<String> pending = new ArrayList<>(batchIds);
    String[] lastAnswer = {"none"};
    while (!pending.isEmpty()) {
      pending.removeIf(
          id -> {
            try {
              JsonNode batch = get(baseUrl, adminKey, "/api/v1/batches/" + id);
              lastAnswer[0] = batch.toString();
              return "processed".equals(batch.get("state").asText())
                  && !Instant.parse(batch.get("processed_at").asText()).isBefore(since);
            } catch (Exception e) {
              lastAnswer[0] = e.toString();
              return false;
            }
          });
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            pending.size()
                + " batches not processed after "
                + timeout
                + ": "
                + pending.subList(0, Math.min(5, pending.size()))
                + "; the last answer: "
                + lastAnswer[0]);
      }
      Thread.sleep(250);
    }
  }

  /** POSTs {@code json} to {@code path} with {@code key}; the answer, whatever its status. */
  static HttpResponse<String> post(String baseUrl, String key, String path, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(String baseUrl, String key, String path)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " → " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
