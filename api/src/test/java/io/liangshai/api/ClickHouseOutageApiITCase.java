package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.LocalClickHouse;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.core.testing.Eventually;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.metadata.testing.MetadataTestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API while its ClickHouse hangs (SIGSTOP) or dies: reads answer 503 with a reason and {@code
 * Retry-After} within 3 s, {@code /healthz} names the part that is down, uploads are still
 * accepted, and everything answers 200 again once ClickHouse is back. A ClickHouse of its own, so
 * freezing it stops no other test class.
 */
class ClickHouseOutageApiITCase {

  static final String COUNTY = "330522";
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

  @RegisterExtension static final MetadataTestDatabase METADATA = new MetadataTestDatabase();

  @TempDir Path dataDir;

  private LocalClickHouse clickHouse;
  private ApiTestServer api;
  private String key;

  @BeforeEach
  void start() throws Exception {
    clickHouse = LocalClickHouse.start(LocalClickHouseConfig.of(dataDir));
    api = new ApiTestServer().open(clickHouse.jdbcUrl(), METADATA.dataSource());
    key = api.key(COUNTY);
    assertThat(upload().statusCode()).isEqualTo(200);
    assertThat(await(metrics().send()).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    signal("CONT");
    api.close();
    clickHouse.close();
  }

  @Test
  void whileClickHouseHangsReadsAnswer503QuicklyAndUploadsAreAccepted() throws Exception {
    signal("STOP");

    HttpResponse<Buffer> read = timed(this::metrics);
    assertThat(read.statusCode()).as(Answers.describe(read)).isEqualTo(503);
    assertThat(read.getHeader("Retry-After")).isEqualTo("5");
    JsonObject reason = read.bodyAsJsonObject();
    assertThat(reason.getString("error")).isEqualTo("unavailable");
    assertThat(reason.getString("message")).contains("ClickHouse");

    HttpResponse<Buffer> health = timed(() -> api.request(HttpMethod.GET, "/healthz"));
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("degraded");
    assertThat(health.bodyAsJsonObject().getString("clickhouse")).isEqualTo("unreachable");
    assertThat(health.bodyAsJsonObject().getString("ingest")).isEqualTo("ok");

    HttpResponse<Buffer> publish =
        timed(
            () ->
                api.post("/api/v1/bulletins", api.adminKey())
                    .putHeader("Content-Type", "application/json"),
            Buffer.buffer(new JsonObject().put("period", "2024-01").encode()));
    assertThat(publish.statusCode()).as(Answers.describe(publish)).isEqualTo(503);
    assertThat(publish.bodyAsJsonObject().getString("error")).isEqualTo("unavailable");

    HttpResponse<Buffer> upload = timed(this::uploadRequest, body());
    assertThat(upload.statusCode()).as(Answers.describe(upload)).isEqualTo(200);
    assertThat(upload.bodyAsJsonObject().getString("batch_id")).isNotBlank();

    signal("CONT");
    awaitStatus(this::metrics, 200);
    HttpResponse<Buffer> healthy = await(api.request(HttpMethod.GET, "/healthz").send());
    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(healthy.bodyAsJsonObject().getString("clickhouse")).isEqualTo("ok");
  }

  @Test
  void aKilledClickHouseAnswers503UntilItsSupervisorBringsItBack() throws Exception {
    ProcessHandle child = ProcessHandle.of(clickHouse.pid()).orElseThrow();
    child.destroyForcibly();
    child.onExit().get(30, TimeUnit.SECONDS);
    HttpResponse<Buffer> read = timed(this::metrics);
    assertThat(read.statusCode()).as(Answers.describe(read)).isIn(200, 503);
    awaitStatus(this::metrics, 200);
    assertThat(clickHouse.restarts()).isEqualTo(1);
    assertThat(upload().statusCode()).isEqualTo(200);
  }

  @Test
  void healthzReportsTheJobsStateAndDoesNotWaitForIt() throws Exception {
    api.server().attachJobState(() -> CompletableFuture.completedFuture("restarting"));
    HttpResponse<Buffer> restarting = await(api.request(HttpMethod.GET, "/healthz").send());
    assertThat(restarting.statusCode()).isEqualTo(503);
    assertThat(restarting.bodyAsJsonObject().getString("job")).isEqualTo("restarting");
    assertThat(restarting.bodyAsJsonObject().getString("status")).isEqualTo("degraded");
    assertThat(restarting.bodyAsJsonObject().getString("clickhouse")).isEqualTo("ok");

    api.server().attachJobState(CompletableFuture::new); // a job client that never answers
    HttpResponse<Buffer> silent = timed(() -> api.request(HttpMethod.GET, "/healthz"));
    assertThat(silent.bodyAsJsonObject().getString("job")).isEqualTo("unknown");

    api.server().attachJobState(() -> CompletableFuture.completedFuture("running"));
    HttpResponse<Buffer> running = await(api.request(HttpMethod.GET, "/healthz").send());
    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(running.bodyAsJsonObject().getString("status")).isEqualTo("ok");
  }

  private HttpResponse<Buffer> timed(Supplier<HttpRequest<Buffer>> request) throws Exception {
    return timed(request, null);
  }

  private HttpResponse<Buffer> timed(Supplier<HttpRequest<Buffer>> request, Buffer body)
      throws Exception {
    long started = System.nanoTime();
    HttpRequest<Buffer> r = request.get();
    HttpResponse<Buffer> response = await(body == null ? r.send() : r.sendBuffer(body));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("answered within " + ANSWER_WITHIN)
        .isLessThan(ANSWER_WITHIN);
    return response;
  }

  private void awaitStatus(Supplier<HttpRequest<Buffer>> request, int status) throws Exception {
    HttpResponse<Buffer> last =
        Eventually.within(
            Duration.ofSeconds(60),
            () -> await(request.get().send()),
            r -> r.statusCode() == status);
    assertThat(last.statusCode()).as("still " + Answers.describe(last)).isEqualTo(status);
  }

  private HttpRequest<Buffer> metrics() {
    return api.get("/api/v1/metrics?period=2024-01&tenant=" + COUNTY, key);
  }

  private HttpRequest<Buffer> uploadRequest() {
    return api.post("/api/v1/cases", key).putHeader("Content-Type", "application/x-ndjson");
  }

  private HttpResponse<Buffer> upload() throws Exception {
    return api.upload(key, "application/x-ndjson", body());
  }

  private static Buffer body() {
    StringBuilder lines = new StringBuilder();
    SampleFeed.rows().stream()
        .filter(r -> COUNTY.equals(r.get("tenant_code")))
        .limit(20)
        .forEach(r -> lines.append(new JsonObject(r).encode()).append('\n'));
    return Buffer.buffer(lines.toString());
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(clickHouse.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
