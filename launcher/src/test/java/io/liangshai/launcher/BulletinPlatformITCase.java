package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulletin scheduler as the launcher wires it: started with the platform, its Quartz job store
 * in the platform's PostgreSQL, the schedules served by the API, and everything — schedules and
 * published bulletins — still there after a restart on the same data directory.
 */
class BulletinPlatformITCase {

  private static final String ADMIN_KEY = "admin-key-for-the-bulletin-itcase";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void schedulesAndBulletinsSurviveARestart() throws Exception {
    String activeSince;
    try (Platform platform = LocalPlatform.start(dataDir, ADMIN_KEY)) {
      String url = platform.baseUrl();
      JsonNode schedules = get(url, "/api/v1/bulletins/schedules");
      assertThat(schedules.get("running").asBoolean()).isTrue();
      assertThat(schedules.get("rows")).hasSize(2);
      JsonNode monthly = schedules.get("rows").get(0);
      assertThat(monthly.get("series").asText()).isEqualTo("monthly");
      assertThat(monthly.get("enabled").asBoolean()).isTrue();
      assertThat(monthly.get("next_run").asText()).isNotEmpty();
      activeSince = monthly.get("active_since").asText();

      // No figures at all: every tenant unranked, lists empty, still a readable bulletin.
      HttpResponse<String> created =
          HTTP.send(
              request(url, "/api/v1/bulletins")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"period\": \"2023-12\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(JSON.readTree(created.body()).get("id").asText()).isEqualTo("monthly-0001");
    }

    try (Platform platform = LocalPlatform.start(dataDir, ADMIN_KEY)) {
      String url = platform.baseUrl();
      JsonNode monthly = get(url, "/api/v1/bulletins/schedules").get("rows").get(0);
      assertThat(monthly.get("active_since").asText()).isEqualTo(activeSince);
      JsonNode rows = get(url, "/api/v1/bulletins").get("rows");
      assertThat(rows).hasSize(1);
      HttpResponse<byte[]> pdf =
          HTTP.send(
              request(url, "/api/v1/bulletins/monthly-0001.pdf").GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
    }
  }

  private static JsonNode get(String url, String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(request(url, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpRequest.Builder request(String url, String path) {
    return HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + ADMIN_KEY);
  }
}
