package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.XlsxBatchWriter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One tenant's requests cannot stall another's (issue 11, item 4): a long ingest does not delay
 * another tenant's sign-in or {@code /healthz}; uploads past the cap get 503; a stalled body gets
 * 408 and leaves no file; headers that never complete are cut; a flood of unknown keys costs at
 * most one key-store query per key, and stops at the address's budget.
 */
class RequestIsolationITCase {

  private static final String COUNTY = "330522";
  private static final String OTHER = "330127";
  private static final int STALL_SECONDS = 2;
  private static final int IDLE_SECONDS = 2;

  /** One upload at a time, short stall and idle timeouts. */
  @RegisterExtension
  static final ApiTestServer API =
      new ApiTestServer(
          new LiangshaiConfig.Limits(
              64L * 1024 * 1024, 200_000, 100_000, 1, IDLE_SECONDS, STALL_SECONDS));

  /** A server of its own, so that its spent unknown-key budget does not touch the others. */
  @RegisterExtension static final ApiTestServer FLOOD = new ApiTestServer();

  private static String countyKey;
  private static String otherKey;

  @BeforeAll
  static void start() throws Exception {
    countyKey = API.issueKey(COUNTY);
    otherKey = API.issueKey(OTHER);
  }

  @Test
  void aLongIngestDoesNotDelayAnotherTenantsSignInOrHealth() throws Exception {
    byte[] workbook = workbook(100_000);
    assertThat(await(API.get("/api/v1/me", otherKey).send()).statusCode()).isEqualTo(200);
    long started = System.nanoTime();
    Future<HttpResponse<Buffer>> upload =
        API.post("/api/v1/cases", countyKey)
            .putHeader("Content-Type", BatchFormat.XLSX_CONTENT_TYPE)
            .sendBuffer(Buffer.buffer(workbook));
    List<Long> meMillis = new ArrayList<>();
    List<Long> healthMillis = new ArrayList<>();
    while (!upload.isComplete()) {
      long t = System.nanoTime();
      HttpResponse<Buffer> me = await(API.get("/api/v1/me", otherKey).send());
      meMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
      assertThat(me.statusCode()).as(Answers.describe(me)).isEqualTo(200);
      assertThat(me.bodyAsJsonObject().getString("tenant")).isEqualTo(OTHER);
      t = System.nanoTime();
      HttpResponse<Buffer> health = await(API.request(HttpMethod.GET, "/healthz").send());
      healthMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
      assertThat(health.statusCode()).as(Answers.describe(health)).isEqualTo(200);
      Thread.sleep(50);
    }
    HttpResponse<Buffer> done = await(upload);
    long uploadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    // The answer came although the ingest outlasted the idle timeout: a request in progress is
    // never idle.
    assertThat(done.statusCode()).as(Answers.describe(done)).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getInteger("accepted")).isEqualTo(100_000);
    assertThat(uploadMillis)
        .as("the ingest took longer than the idle timeout")
        .isGreaterThan(IDLE_SECONDS * 1000L);
    assertThat(meMillis)
        .as("/me answered during a %d ms ingest", uploadMillis)
        .hasSizeGreaterThan(3);
    assertThat(meMillis.stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("slowest /me of %s during a %d ms ingest", meMillis, uploadMillis)
        .isLessThan(1500);
    assertThat(healthMillis.stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("slowest /healthz of %s", healthMillis)
        .isLessThan(2500);
  }

  @Test
  void pastTheUploadCapAnUploadGets503WithRetryAfterBeforeItsBodyIsRead() throws Exception {
    // Keys of their own: the other tests' requests must not have spent their rate limit.
    String holderKey = API.issueKey(COUNTY);
    String senderKey = API.issueKey(OTHER);
    AtomicBoolean holding = new AtomicBoolean(true);
    try (RawHttp held = new RawHttp(API.port(), 30_000)) {
      held.send(RawHttp.uploadHead(holderKey, 100_000));
      Thread dribble =
          new Thread(
              () -> {
                try {
                  while (holding.get()) {
                    held.send("x");
                    Thread.sleep(300);
                  }
                } catch (Exception e) {
                  holding.set(false);
                }
              });
      dribble.setDaemon(true);
      dribble.start();
      // The held upload has its slot (its key lookup may take longer than another's).
      awaitMetric(UploadSlots.IN_PROGRESS, 1);
      double refusedBefore = API.metric(UploadSlots.REFUSED + "_total");
      HttpResponse<Buffer> refused = smallUpload(senderKey);
      assertThat(refused.statusCode())
          .as("an upload while another is being received: %s", refused.bodyAsString())
          .isEqualTo(503);
      assertThat(API.metric(UploadSlots.REFUSED + "_total") - refusedBefore).isEqualTo(1);
      assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("unavailable");
      assertThat(refused.bodyAsJsonObject().getString("message")).contains("1 uploads at once");
      assertThat(holding).as("the held upload was still being sent").isTrue();
    } finally {
      holding.set(false);
    }
    // The slot is free again once the held connection is gone.
    awaitMetric(UploadSlots.IN_PROGRESS, 0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = smallUpload(senderKey).statusCode();
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void aStalledBodyGets408AndLeavesNoFile() throws Exception {
    try (RawHttp stalled = new RawHttp(API.port(), 20_000)) {
      stalled.send(RawHttp.uploadHead(countyKey, 10_000)).send("case_id,tenant_code\n");
      long t = System.nanoTime();
      RawHttp.Response r = stalled.readResponse();
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
      assertThat(r.status()).as(r.body()).isEqualTo(408);
      assertThat(new JsonObject(r.body()).getString("message")).contains("no byte");
      assertThat(waited).isBetween(STALL_SECONDS * 1000L - 200, 10_000L);
    }
    Path incoming = API.landing().resolve("incoming");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (files(incoming) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(files(incoming)).as("files left in %s", incoming).isZero();
  }

  @Test
  void headersThatNeverCompleteAreCutByTheIdleTimeout() throws Exception {
    try (RawHttp slow = new RawHttp(API.port(), 15_000)) {
      long t = System.nanoTime();
      slow.send("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n");
      assertThat(slow.closedByServer()).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t))
          .isBetween(IDLE_SECONDS * 1000L - 200, 10_000L);
    }
  }

  @Test
  void aFloodOfUnknownKeysCostsOneLookupPerKeyAndStopsAtTheAddressBudget() throws Exception {
    double before = FLOOD.metric("liangshai_auth_key_lookups_total");
    String random = "ls_" + UUID.randomUUID();
    for (int i = 0; i < 50; i++) {
      assertThat(await(FLOOD.get("/api/v1/me", random).send()).statusCode()).isEqualTo(401);
    }
    assertThat(FLOOD.metric("liangshai_auth_key_lookups_total") - before)
        .as("lookups for 50 requests with one unknown key")
        .isEqualTo(1);

    int refused = 0;
    long floodStarted = System.nanoTime();
    for (int i = 0; i < 3 * Authentication.UNKNOWN_KEYS_PER_MINUTE; i++) {
      HttpResponse<Buffer> r = await(FLOOD.get("/api/v1/me", "ls_" + UUID.randomUUID()).send());
      assertThat(r.statusCode()).isIn(401, 429);
      if (r.statusCode() == 429) {
        refused++;
        assertThat(r.getHeader("Retry-After")).isNotNull();
      }
    }
    // The address's budget: a minute's allowance at once, then refilled evenly while the flood ran.
    double seconds = (System.nanoTime() - floodStarted) / 1e9;
    long budget =
        Authentication.UNKNOWN_KEYS_PER_MINUTE
            + (long) Math.ceil(seconds * Authentication.UNKNOWN_KEYS_PER_MINUTE / 60);
    assertThat(FLOOD.metric("liangshai_auth_key_lookups_total") - before)
        .as(
            "lookups for %d distinct unknown keys in %.1f s",
            3 * Authentication.UNKNOWN_KEYS_PER_MINUTE, seconds)
        .isLessThanOrEqualTo(1 + budget);
    assertThat(refused).isGreaterThanOrEqualTo(Authentication.UNKNOWN_KEYS_PER_MINUTE);
    // A known key is still served from the same address.
    assertThat(await(FLOOD.get("/api/v1/me", FLOOD.adminKey()).send()).statusCode()).isEqualTo(200);
  }

  /** Waits until {@code gauge} reads {@code value} in {@code /metrics}. */
  private static void awaitMetric(String gauge, double value) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    double now;
    while ((now = API.metric(gauge)) != value) {
      if (System.nanoTime() > deadline) {
        fail(gauge + " is " + now + ", not " + value + ", after 10 s");
      }
      Thread.sleep(20);
    }
  }

  private static HttpResponse<Buffer> smallUpload(String key) throws Exception {
    String csv =
        String.join(",", CaseRecordFixture.REQUIRED_COLUMNS)
            + "\n"
            + String.join(",", row("iso-" + UUID.randomUUID(), OTHER));
    return API.upload(key, "text/csv", Buffer.buffer(csv + "\n"));
  }

  private static List<String> row(String caseId, String tenant) {
    return List.of(
        caseId,
        tenant,
        "2024-03-01T10:00:00+08:00",
        "91350100M000100Y43",
        "hotline_12345",
        "policy",
        "2024-03-01T09:00:00+08:00",
        "received");
  }

  private static byte[] workbook(int rows) throws Exception {
    try (XlsxBatchWriter w = new XlsxBatchWriter(CaseRecordFixture.REQUIRED_COLUMNS);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < rows; i++) {
        w.row(row("slow-" + i, COUNTY));
      }
      w.writeTo(out);
      return out.toByteArray();
    }
  }

  private static long files(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.count();
    }
  }
}
