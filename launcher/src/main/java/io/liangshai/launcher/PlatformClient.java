package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** A small client of the liangshai HTTP API, as a city's scripts would use it. */
final class PlatformClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;

  PlatformClient(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Issues a key for {@code tenant} with the province admin key; returns the secret. */
  String issueKey(String adminKey, String tenant, String name) throws IOException {
    JsonNode body =
        send(
            adminKey,
            HttpRequest.newBuilder(uri("/api/v1/tenants/" + tenant + "/keys"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("name", name).toString())));
    return body.get("key").asText();
  }

  /** Posts one batch; returns the batch result ({@code batch_id}, counts, errors). */
  JsonNode uploadCases(String key, String contentType, byte[] body) throws IOException {
    return send(
        key,
        HttpRequest.newBuilder(uri("/api/v1/cases"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  JsonNode batch(String key, String batchId) throws IOException {
    return send(
        key,
        HttpRequest.newBuilder(
                uri("/api/v1/batches/" + URLEncoder.encode(batchId, StandardCharsets.UTF_8)))
            .GET());
  }

  private JsonNode send(String key, HttpRequest.Builder request) throws IOException {
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .header("Authorization", "Bearer " + key)
                  .timeout(Duration.ofMinutes(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IOException(
            request.build().method()
                + " "
                + request.build().uri().getPath()
                + " → "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }
}
