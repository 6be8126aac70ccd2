package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.testing.Eventually;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keys (several per tenant, named, last use, revocation refused at once, rotation), the audit log
 * of uploads and administrative acts, and the per-key request limit.
 */
class KeysAndAuditApiITCase {

  private static final String CITY = "330500";
  private static final String COUNTY = "330522";
  private static final int PER_MINUTE = 30;

  @RegisterExtension
  static final ApiTestServer API =
      new ApiTestServer(new LiangshaiConfig.Limits(1024 * 1024, 1000, PER_MINUTE));

  private static JsonObject issue(String tenant, String name) throws Exception {
    return API.issue(tenant, name);
  }

  private static int status(String uri, String key) throws Exception {
    return Answers.status(API.get(uri, key));
  }

  @Test
  void aTenantHasSeveralNamedKeysWithTheirLastUse() throws Exception {
    JsonObject a = issue(COUNTY, "12345 对接");
    JsonObject b = issue(COUNTY, "张三");
    assertThat(status("/api/v1/me", a.getString("key"))).isEqualTo(200);

    JsonArray rows =
        await(API.get("/api/v1/tenants/" + COUNTY + "/keys", API.adminKey()).send())
            .bodyAsJsonObject()
            .getJsonArray("rows");

    JsonObject listedA = find(rows, a.getString("key_id"));
    JsonObject listedB = find(rows, b.getString("key_id"));
    assertThat(listedA.getString("name")).isEqualTo("12345 对接");
    assertThat(listedA.getString("created_at")).isNotNull();
    assertThat(listedA.getString("last_used_at")).isNotNull();
    assertThat(listedB.getString("last_used_at")).isNull();
    assertThat(listedA.containsKey("key")).isFalse();
  }

  @Test
  void lastUseIsWrittenToClickHouseInBatchesNotPerRequest() throws Exception {
    JsonObject k = issue(COUNTY, "flush");
    for (int i = 0; i < 5; i++) {
      assertThat(status("/api/v1/me", k.getString("key"))).isEqualTo(200);
    }
    // Within the flush interval nothing of these uses is in ClickHouse yet ...
    assertThat(usageRows(k.getString("key_id"))).isZero();
    // ... and one row per key once the interval has passed.
    long rows = poll(() -> usageRows(k.getString("key_id")), 25_000);
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() throws Exception {
    JsonObject k = issue(COUNTY, "to revoke");
    String secret = k.getString("key");
    assertThat(status("/api/v1/me", secret)).isEqualTo(200); // now cached

    HttpResponse<Buffer> revoked =
        await(API.post("/api/v1/keys/" + k.getString("key_id") + "/revoke", API.adminKey()).send());

    assertThat(revoked.statusCode()).as(Answers.describe(revoked)).isEqualTo(200);
    assertThat(revoked.bodyAsJsonObject().getString("revoked_at")).isNotNull();
    HttpResponse<Buffer> refused = await(API.get("/api/v1/me", secret).send());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("revoked");
    HttpResponse<Buffer> again =
        await(API.post("/api/v1/keys/" + k.getString("key_id") + "/revoke", API.adminKey()).send());
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void rotationGivesANewSecretAndRevokesTheOld() throws Exception {
    JsonObject k = issue(COUNTY, "to rotate");
    String cityKey = issue(CITY, "city admin").getString("key");
    assertThat(status("/api/v1/me", k.getString("key"))).isEqualTo(200);

    HttpResponse<Buffer> r =
        await(API.post("/api/v1/keys/" + k.getString("key_id") + "/rotate", cityKey).send());

    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(201);
    JsonObject rotated = r.bodyAsJsonObject();
    assertThat(rotated.getString("replaces")).isEqualTo(k.getString("key_id"));
    assertThat(rotated.getString("name")).isEqualTo("to rotate");
    assertThat(rotated.getString("tenant")).isEqualTo(COUNTY);
    assertThat(rotated.getString("key")).isNotEqualTo(k.getString("key"));
    assertThat(status("/api/v1/me", k.getString("key"))).isEqualTo(401);
    assertThat(status("/api/v1/me", rotated.getString("key"))).isEqualTo(200);
    JsonArray audit =
        await(API.get("/api/v1/audit?action=key.rotate", API.adminKey()).send())
            .bodyAsJsonObject()
            .getJsonArray("rows");
    JsonObject row = find(audit, "object", k.getString("key_id"));
    assertThat(row.getString("tenant")).isEqualTo(CITY);
    assertThat(row.getJsonObject("detail").getString("new_key_id"))
        .isEqualTo(rotated.getString("key_id"));
  }

  @Test
  void everyUploadIsAuditedWithWhoWhatAndHowItWent() throws Exception {
    JsonObject k = issue(COUNTY, "uploader");
    String body =
        "case_id,tenant_code,updated_at,enterprise_uscc,channel,category,received_at,status\n"
            + "A1,330522,2024-03-01T10:00:00+08:00,91350100M000100Y43,hotline_12345,policy,"
            + "2024-03-01T09:00:00+08:00,received\n"
            + "A2,330521,2024-03-01T10:00:00+08:00,91350100M000100Y43,hotline_12345,policy,"
            + "2024-03-01T09:00:00+08:00,received\n";
    HttpResponse<Buffer> up = API.upload(k.getString("key"), "text/csv", Buffer.buffer(body));
    String batchId = up.bodyAsJsonObject().getString("batch_id");
    API.upload(k.getString("key"), "application/json", Buffer.buffer("[{\"case_id\": "));

    JsonArray rows =
        poll(
            () ->
                ok(API.get("/api/v1/audit?actor=" + k.getString("key_id"), k.getString("key")))
                    .getJsonArray("rows"),
            2);
    JsonObject upload = find(rows, "object", batchId);
    assertThat(upload.getString("action")).isEqualTo("batch.upload");
    assertThat(upload.getString("tenant")).isEqualTo(COUNTY);
    assertThat(upload.getString("key_id")).isEqualTo(k.getString("key_id"));
    assertThat(upload.getString("at")).isNotNull();
    JsonObject d = upload.getJsonObject("detail");
    assertThat(d.getLong("bytes")).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
    assertThat(d.getString("sha256"))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(body.getBytes(StandardCharsets.UTF_8))));
    assertThat(d.getInteger("accepted")).isEqualTo(1);
    assertThat(d.getInteger("ignored")).isZero();
    assertThat(d.getInteger("rejected")).isEqualTo(1);
    JsonObject refused = find(rows, "action", "batch.refused");
    assertThat(refused.getJsonObject("detail").getInteger("status")).isEqualTo(400);
    assertThat(refused.getJsonObject("detail").getString("reason")).contains("JSON");
  }

  @Test
  void administrativeActsAreAuditedAndFilterable() throws Exception {
    JsonObject k = issue(CITY, "audited");
    await(API.post("/api/v1/keys/" + k.getString("key_id") + "/revoke", API.adminKey()).send());

    JsonArray issued =
        await(API.get("/api/v1/audit?action=key.issue&actor=admin", API.adminKey()).send())
            .bodyAsJsonObject()
            .getJsonArray("rows");
    assertThat(
            find(issued, "object", k.getString("key_id"))
                .getJsonObject("detail")
                .getString("tenant"))
        .isEqualTo(CITY);
    JsonArray keyActs =
        await(
                API.get("/api/v1/audit?action=key&from=2000-01-01&to=2999-12-31", API.adminKey())
                    .send())
            .bodyAsJsonObject()
            .getJsonArray("rows");
    assertThat(find(keyActs, "action", "key.revoke").getString("object")).isNotNull();
    JsonArray none =
        await(API.get("/api/v1/audit?to=2000-01-01", API.adminKey()).send())
            .bodyAsJsonObject()
            .getJsonArray("rows");
    assertThat(none).isEmpty();
    assertThat(status("/api/v1/audit?from=yesterday", API.adminKey())).isEqualTo(400);
  }

  @Test
  void aKeyPastItsRequestsPerMinuteGets429WithRetryAfter() throws Exception {
    String secret = issue(COUNTY, "busy").getString("key");
    String other = issue(COUNTY, "calm").getString("key");
    int ok = 0;
    HttpResponse<Buffer> limited = null;
    for (int i = 0; i < PER_MINUTE + 5 && limited == null; i++) {
      HttpResponse<Buffer> r = await(API.get("/api/v1/me", secret).send());
      if (r.statusCode() == 429) {
        limited = r;
      } else {
        ok++;
      }
    }
    assertThat(limited).as("429 after %d requests", PER_MINUTE).isNotNull();
    assertThat(ok).isBetween(PER_MINUTE, PER_MINUTE + 1);
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(limited.bodyAsJsonObject().getString("message")).contains("requests");
    assertThat(status("/api/v1/me", other)).isEqualTo(200);
    assertThat(status("/api/v1/me", API.adminKey())).isEqualTo(200);
  }

  private long usageRows(String keyId) throws Exception {
    try (var c = API.warehouse().connect();
        var ps = c.prepareStatement("SELECT count() FROM api_key_usage WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long poll(Callable<Long> read, long timeoutMs) throws Exception {
    return Eventually.within(Duration.ofMillis(timeoutMs), read, v -> v != 0);
  }

  /** Polls until the list has at least {@code atLeast} rows (or 10 s pass). */
  private static JsonArray poll(Callable<JsonArray> read, int atLeast) throws Exception {
    return Eventually.within(Duration.ofSeconds(10), read, rows -> rows.size() >= atLeast);
  }

  private static JsonObject find(JsonArray rows, String keyId) {
    return find(rows, "key_id", keyId);
  }

  private static JsonObject find(JsonArray rows, String field, String value) {
    for (Object r : rows) {
      if (value.equals(((JsonObject) r).getString(field))) {
        return (JsonObject) r;
      }
    }
    throw new AssertionError("no row with " + field + " = " + value + " in " + rows.encode());
  }
}
