package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.launcher.upgrade.OldDataDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by the previous release (keys, schemes and bulletin numbering in
 * ClickHouse, the version index and the bulletin schedules in H2 files; {@link OldDataDirectory})
 * started by this one: everything it held is there, on PostgreSQL now — the old keys authenticate
 * (revoked ones do not), the schemes keep their versions, the bulletins their files and the next
 * issue number follows them, the schedules are kept, the figures are unchanged, and the version
 * index rebuilt from the landing zone still knows every record (a re-upload is all duplicates).
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class UpgradeITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static java.nio.file.Path dataDir;

  private static JsonNode made;
  private static Platform platform;
  private static String admin;

  @BeforeAll
  static void startOnTheOldDataDirectory() throws Exception {
    OldDataDirectory.unpackInto(dataDir);
    made = OldDataDirectory.made();
    admin = made.get("admin_key").asText();
    platform = LocalPlatform.start(dataDir, admin);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theOldKeysAuthenticateAndTheRevokedOnesDoNot() throws Exception {
    for (JsonNode key : made.get("keys")) {
      int status = get("/api/v1/me", key.get("secret").asText()).statusCode();
      assertThat(status)
          .as(key.get("name") + " (" + key.get("state").asText() + ")")
          .isEqualTo(key.get("state").asText().equals("active") ? 200 : 401);
    }
  }

  @Test
  void theSchemesKeepTheirVersionsAndRetirements() throws Exception {
    JsonNode rows = json(get("/api/v1/schemes", admin)).get("rows");
    for (JsonNode expected : made.get("schemes")) {
      JsonNode scheme =
          StreamSupport.stream(rows.spliterator(), false)
              .filter(r -> r.get("id").asText().equals(expected.get("id").asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(expected.get("id") + " is gone: " + rows));
      assertThat(scheme.get("current_version").asInt())
          .isEqualTo(expected.get("current_version").asInt());
      List<String> versions =
          StreamSupport.stream(scheme.get("versions").spliterator(), false)
              .map(v -> v.get("version") + ":" + v.get("name").asText() + ":" + retired(v))
              .toList();
      List<String> expectedVersions =
          StreamSupport.stream(expected.get("versions").spliterator(), false)
              .map(v -> v.get("version") + ":" + v.get("name").asText() + ":" + retired(v))
              .toList();
      assertThat(versions).isEqualTo(expectedVersions);
    }
  }

  @Test
  void theBulletinsKeepTheirFilesAndTheNextIssueFollowsThem() throws Exception {
    int last = 0;
    for (JsonNode bulletin : made.get("bulletins")) {
      String id = bulletin.get("id").asText();
      HttpResponse<byte[]> pdf = getBytes("/api/v1/bulletins/" + id + ".pdf", admin);
      assertThat(pdf.statusCode()).as(id).isEqualTo(200);
      assertThat(sha256(pdf.body())).as(id).isEqualTo(bulletin.get("sha256").get("pdf").asText());
      last = Math.max(last, bulletin.get("issue_no").asInt());
    }
    HttpResponse<String> corrected =
        post(
            "/api/v1/bulletins",
            JSON.createObjectNode()
                .put("corrects", made.get("bulletins").get(0).get("id").asText()));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
    assertThat(json(corrected).get("issue_no").asInt()).isEqualTo(last + 1);
  }

  @Test
  void theSchedulesAreKept() throws Exception {
    JsonNode rows = json(get("/api/v1/bulletins/schedules", admin)).get("rows");
    Map<String, JsonNode> bySeries =
        StreamSupport.stream(rows.spliterator(), false)
            .collect(Collectors.toMap(r -> r.get("series").asText(), r -> r));
    made.get("schedules")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode now = bySeries.get(e.getKey());
              assertThat(now).as(e.getKey()).isNotNull();
              for (String field : List.of("enabled", "working_day", "time", "scheme")) {
                assertThat(now.get(field))
                    .as(e.getKey() + "." + field)
                    .isEqualTo(e.getValue().get(field));
              }
            });
  }

  @Test
  void theFiguresAreUnchangedAndTheRebuiltIndexKnowsEveryRecord() throws Exception {
    JsonNode batch = made.get("batch");
    String tenant = batch.get("tenant").asText();
    made.get("metrics")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode row = metricsRow(e.getKey(), tenant);
              e.getValue()
                  .fields()
                  .forEachRemaining(
                      f -> {
                        if (f.getValue().isIntegralNumber()) {
                          assertThat(row.get(f.getKey()).asLong())
                              .as(e.getKey() + " " + f.getKey())
                              .isEqualTo(f.getValue().asLong());
                        } else {
                          assertThat(row.get(f.getKey()).asDouble())
                              .as(e.getKey() + " " + f.getKey())
                              .isCloseTo(f.getValue().asDouble(), within(1e-12));
                        }
                      });
            });

    String county = activeKeyOf(tenant);
    String lines =
        SampleFeed.rows().stream()
            .filter(r -> tenant.equals(r.get("tenant_code")))
            .map(UpgradeITCase::line)
            .collect(Collectors.joining("\n", "", "\n"));
    JsonNode again =
        new PlatformClient(platform.baseUrl())
            .uploadCases(county, "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8));
    assertThat(again.get("accepted").asLong()).as(again.toString()).isZero();
    assertThat(again.get("ignored").asLong())
        .isEqualTo(batch.get("accepted").asLong() + batch.get("ignored").asLong());
    assertThat(again.get("rejected").asLong()).isEqualTo(batch.get("rejected").asLong());

    // The old release kept the job's state on the heap; this one on RocksDB, which cannot read
    // that checkpoint: the job carried it over through a canonical savepoint. A newer version of a
    // case the old release counted is processed as a change of that case, not as a new one.
    Map<String, Object> newest = newestVersionOfTheFirstCase(tenant);
    Map<String, Object> next = new java.util.LinkedHashMap<>(newest);
    next.put(
        "updated_at",
        java.time.OffsetDateTime.parse((String) newest.get("updated_at")).plusDays(1).toString());
    PlatformClient client = new PlatformClient(platform.baseUrl());
    JsonNode sent =
        client.uploadCases(
            county, "application/x-ndjson", (line(next) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(sent.get("accepted").asLong()).as(sent.toString()).isEqualTo(1);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
    String state = "";
    while (!state.equals("processed") && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      state = client.batch(county, sent.get("batch_id").asText()).get("state").asText();
    }
    assertThat(state).as("the new version's batch").isEqualTo("processed");
    String period =
        java.time.OffsetDateTime.parse((String) newest.get("received_at"))
            .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
            .toString()
            .substring(0, 7);
    JsonNode row = metricsRow(period, tenant);
    for (String count : List.of("received", "closed")) {
      assertThat(row.get(count).asLong())
          .as(period + " " + count + " after a newer version of " + newest.get("case_id"))
          .isEqualTo(made.get("metrics").get(period).get(count).asLong());
    }
  }

  /** The newest version in the sample feed of the first case of {@code tenant} in it. */
  private static Map<String, Object> newestVersionOfTheFirstCase(String tenant) {
    List<Map<String, Object>> own =
        SampleFeed.rows().stream().filter(r -> tenant.equals(r.get("tenant_code"))).toList();
    Object caseId = own.get(0).get("case_id");
    Map<String, Object> newest = own.get(0);
    for (Map<String, Object> r : own) {
      if (caseId.equals(r.get("case_id"))
          && java.time.OffsetDateTime.parse((String) r.get("updated_at"))
              .isAfter(java.time.OffsetDateTime.parse((String) newest.get("updated_at")))) {
        newest = r;
      }
    }
    return newest;
  }

  /** The metrics row of one tenant and period ({@code tenant=} answers that row alone). */
  private static JsonNode metricsRow(String period, String tenant) {
    try {
      return json(get("/api/v1/metrics?period=" + period + "&tenant=" + tenant, admin));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String activeKeyOf(String tenant) {
    for (JsonNode key : made.get("keys")) {
      if (key.get("tenant").asText().equals(tenant) && key.get("state").asText().equals("active")) {
        return key.get("secret").asText();
      }
    }
    throw new AssertionError("the fixture has no active key of " + tenant);
  }

  private static String line(Map<String, Object> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean retired(JsonNode version) {
    return version.hasNonNull("retired_at");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode() / 100).as(r.uri() + " → " + r.body()).isEqualTo(2);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> get(String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
