package io.liangshai.launcher.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends batches to {@code POST /api/v1/cases}: waits out a 429 for as long as {@code Retry-After}
 * says, retries a 5xx or a broken connection a few times, and turns any other refusal into an
 * {@link UploadRefusedException} carrying the server's reason.
 */
public final class UploadClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 4;

  private final String baseUrl;
  private final String key;
  private final HttpClient http;

  public UploadClient(String baseUrl, String key) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    this.key = Objects.requireNonNull(key, "key");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A refusal the user must act on (bad key, scope, unreadable file): the server's message. */
  public static final class UploadRefusedException extends IOException {
    private final int status;

    UploadRefusedException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Posts one part; the batch result. */
  public JsonNode send(BatchPart part) throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpResponse<String> r;
      try {
        r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", part.contentType())
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofFile(part.file()))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last = e;
        Thread.sleep(1000L << (attempt - 1));
        continue;
      }
      if (r.statusCode() == 200) {
        return JSON.readTree(r.body());
      }
      if (r.statusCode() == 429) {
        long wait = r.headers().firstValueAsLong("Retry-After").orElse(5);
        Thread.sleep(Math.min(wait, 120) * 1000);
        attempt--; // waiting out the limit is not a failed attempt
        continue;
      }
      if (r.statusCode() >= 500) {
        last = new IOException("the server answered " + r.statusCode() + ": " + message(r.body()));
        Thread.sleep(1000L << (attempt - 1));
        continue;
      }
      throw new UploadRefusedException(r.statusCode(), message(r.body()));
    }
    throw new IOException(
        "gave up after "
            + ATTEMPTS
            + " attempts to reach "
            + baseUrl
            + " ("
            + describe(last)
            + "); run the same command again to resume",
        last);
  }

  private static String describe(IOException e) {
    if (e == null) {
      return "no answer";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The batch {@code batchId} as the server has it (counts and errors), if it still has it. */
  public java.util.Optional<JsonNode> batch(String batchId)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/batches/" + batchId))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() == 401) {
      throw new UploadRefusedException(401, message(r.body()));
    }
    return r.statusCode() == 200
        ? java.util.Optional.of(JSON.readTree(r.body()))
        : java.util.Optional.empty();
  }

  /**
   * Every row error of batch {@code batchId} ({@code GET /api/v1/batches/{id}/errors}), for when an
   * answer lists fewer than its {@code errors_total}.
   */
  public JsonNode errors(String batchId) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/api/v1/batches/" + batchId + "/errors?format=json"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IOException(
          "cannot download the row errors of batch "
              + batchId
              + " ("
              + r.statusCode()
              + "): "
              + message(r.body()));
    }
    return JSON.readTree(r.body()).get("errors");
  }

  private static String message(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n.hasNonNull("message") ? n.get("message").asText() : body;
    } catch (IOException notJson) {
      return body;
    }
  }
}
