package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's own Prometheus {@code /metrics}, after real requests, passes {@code promtool check
 * metrics} (Debian's {@code prometheus}; {@code .ci/run} installs it): the exposition format, and a
 * HELP and TYPE for every metric.
 */
class PrometheusMetricsITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  @Test
  void promtoolFindsNothingToSayAboutTheScrape() throws Exception {
    assertThat(await(API.get("/api/v1/me", API.adminKey()).send()).statusCode()).isEqualTo(200);
    assertThat(await(API.request(HttpMethod.GET, "/api/v1/me").send()).statusCode()).isEqualTo(401);
    var metrics = await(API.request(HttpMethod.GET, "/metrics").send());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
    String scrape = metrics.bodyAsString();

    assertThat(scrape.lines())
        .contains(
            "# HELP liangshai_http_requests_total HTTP requests answered, by the class of the"
                + " answer's status",
            "# TYPE liangshai_http_requests_total counter")
        .anyMatch(l -> l.startsWith("liangshai_http_requests_total{status=\"2xx\"}"))
        .anyMatch(l -> l.startsWith("liangshai_http_requests_total{status=\"4xx\"}"));
    assertThat(promtoolCheckMetrics(scrape)).isEqualTo("exit 0: ");
  }

  /** {@code promtool check metrics} over {@code scrape}: its exit code and what it printed. */
  private static String promtoolCheckMetrics(String scrape) throws Exception {
    Path out = Files.createTempFile("promtool", ".txt");
    Process promtool;
    try {
      promtool =
          new ProcessBuilder("promtool", "check", "metrics")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "promtool is needed (Debian: apt-get install prometheus; .ci/run installs it)", e);
    }
    try (var stdin = promtool.getOutputStream()) {
      stdin.write(scrape.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
    String printed = Files.readString(out).strip();
    Files.delete(out);
    return "exit " + promtool.exitValue() + ": " + printed;
  }
}
