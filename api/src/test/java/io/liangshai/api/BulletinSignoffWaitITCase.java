package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.testing.Eventually;
import io.liangshai.reports.Series;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.warehouse.AuditEntry;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.AuditQuery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schedule option {@code wait_for_signoff} (SPEC §10) end to end over the API, a real ClickHouse
 * holding the sample's figures, real sign-offs in PostgreSQL and the Quartz scheduler on its
 * clustered job store: a due monthly bulletin is held (nothing published, the hold audited and
 * shown by {@code GET /bulletins/schedules}, kept across a restart) until the last city or county
 * signs off — that sign-off publishes it — or until its last day, when it is published naming who
 * had not signed off. Time is the scheduler's clock, fixed per start: each start is a moment.
 */
class BulletinSignoffWaitITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  /** Every second, so a test sees a run at each moment without waiting for 09:00. */
  private static final BulletinScheduler.Options EVERY_SECOND =
      new BulletinScheduler.Options("* * * * * ?", 1000, 1000);

  /** Never during the test: a run comes only from a sign-off. */
  private static final BulletinScheduler.Options NEVER =
      new BulletinScheduler.Options("0 0 0 1 1 ? 2099", 1000, 1000);

  /** 长兴县, a county of 湖州市. */
  private static final String COUNTY = "330522";

  @Test
  void heldUntilTheLastCountySignsOffWhichPublishesIt() throws Exception {
    waitFrom("2024-02-05T10:00", 20);
    String countyKey = API.issueKey(COUNTY);
    for (Tenant t : members()) {
      if (!t.code().equals(COUNTY)) {
        signOff(t.code(), "2024-01", API.adminKey());
      }
    }
    long withdrawn = signOff(COUNTY, "2024-01", countyKey).getLong("id");
    HttpResponse<Buffer> withdrawal =
        await(API.delete("/api/v1/signoffs/" + withdrawn, countyKey).send());
    assertThat(withdrawal.statusCode()).as(Answers.describe(withdrawal)).isEqualTo(200);

    // Due on 6 February 09:00; 330522's sign-off was withdrawn, so January waits.
    try (BulletinScheduler scheduler = start("2024-02-06T09:00:30", EVERY_SECOND)) {
      awaitRuns(scheduler, 3);
      assertThat(bulletins("2024-01")).as("nothing published while held").isEmpty();
      JsonObject hold = onlyHold();
      assertThat(hold.getString("period")).isEqualTo("2024-01");
      assertThat(hold.getString("since")).isEqualTo(shanghai("2024-02-06T09:00:30").toString());
      assertThat(hold.getString("until")).isEqualTo(shanghai("2024-02-20T09:00").toString());
      assertThat(hold.getInteger("missing")).isEqualTo(1);
      assertThat(hold.getJsonArray("missing_tenants")).containsExactly(COUNTY);
    }
    List<AuditEntry> holds = audited("bulletin.hold");
    assertThat(holds).as("audited once, however many runs re-checked it").hasSize(1);
    assertThat(holds.get(0).object()).isEqualTo("monthly@2024-01");
    assertThat(new JsonObject(holds.get(0).detail()).getInteger("missing")).isEqualTo(1);

    // A restart keeps the hold; this scheduler never fires by itself, only the sign-off runs it.
    try (BulletinScheduler scheduler = start("2024-02-06T10:00", NEVER)) {
      assertThat(onlyHold().getString("period"))
          .as("the hold survives a restart")
          .isEqualTo("2024-01");
      signOff(COUNTY, "2024-01", countyKey);
      JsonArray published =
          Eventually.within(Duration.ofSeconds(120), () -> bulletins("2024-01"), r -> !r.isEmpty());
      assertThat(published).hasSize(1);
      assertThat(published.getJsonObject(0).getString("created_by")).isEqualTo("scheduler");
      awaitReleased();
      assertThat(snapshot(published.getJsonObject(0))).contains("全部设区市和县（市、区）均已确认本期数据");
    }
  }

  @Test
  void publishedOnTheLastDayNamingWhoHadNotSignedOff() throws Exception {
    waitFrom("2024-03-06T10:00", 10);
    List<Tenant> members = members();
    Tenant city = members.stream().filter(t -> t.level() == TenantLevel.CITY).findFirst().get();
    signOff(city.code(), "2024-02", API.adminKey());
    int missing = members.size() - 1;

    try (BulletinScheduler scheduler = start("2024-03-07T09:00:30", EVERY_SECOND)) {
      awaitRuns(scheduler, 3);
      assertThat(bulletins("2024-02")).isEmpty();
      JsonObject hold = onlyHold();
      assertThat(hold.getString("period")).isEqualTo("2024-02");
      assertThat(hold.getInteger("missing")).isEqualTo(missing);
      assertThat(hold.getJsonArray("missing_tenants")).doesNotContain(city.code()).contains(COUNTY);
    }
    try (BulletinScheduler scheduler = start("2024-03-09T23:00", EVERY_SECOND)) {
      awaitRuns(scheduler, 2);
      assertThat(bulletins("2024-02")).as("the day before the last day, still held").isEmpty();
    }
    assertThat(audited("bulletin.hold"))
        .filteredOn(e -> e.object().equals("monthly@2024-02"))
        .hasSize(1);

    try (BulletinScheduler scheduler = start("2024-03-10T09:00:30", EVERY_SECOND)) {
      JsonArray published =
          Eventually.within(Duration.ofSeconds(120), () -> bulletins("2024-02"), r -> !r.isEmpty());
      assertThat(published).hasSize(1);
      awaitReleased();
      assertThat(snapshot(published.getJsonObject(0))).contains("以下" + missing + "个地区尚未确认本期数据");
    }
  }

  /**
   * At {@code at}, (re)enables the monthly series — so it starts afresh at that moment whatever an
   * earlier test left — waiting for sign-offs until day {@code untilDay}.
   */
  private static void waitFrom(String at, int untilDay) throws Exception {
    try (BulletinScheduler scheduler = start(at, NEVER)) {
      put(new JsonObject().put("enabled", false));
      JsonObject changed =
          put(
              new JsonObject()
                  .put("enabled", true)
                  .put("wait_for_signoff", new JsonObject().put("until_day", untilDay)));
      assertThat(changed.getJsonObject("wait_for_signoff").getInteger("until_day"))
          .isEqualTo(untilDay);
      assertThat(changed.getString("active_since")).isEqualTo(shanghai(at).toString());
      assertThat(changed.getJsonArray("held")).isEmpty();
    }
  }

  private static BulletinScheduler start(String at, BulletinScheduler.Options options)
      throws Exception {
    Clock clock = Clock.fixed(shanghai(at), ZoneOffset.UTC);
    BulletinScheduler scheduler =
        BulletinScheduler.start(API.metadata(), API.services().bulletins(), clock, options);
    API.server().attachScheduler(scheduler);
    return scheduler;
  }

  private static List<Tenant> members() {
    return API.registry().all().stream().filter(t -> t.level() != TenantLevel.PROVINCE).toList();
  }

  private static JsonObject signOff(String tenant, String month, String key) throws Exception {
    HttpResponse<Buffer> r =
        await(
            API.post("/api/v1/signoffs", key)
                .sendJsonObject(new JsonObject().put("tenant", tenant).put("period", month)));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private static JsonObject put(JsonObject change) throws Exception {
    HttpResponse<Buffer> r =
        await(
            API.put("/api/v1/bulletins/schedules/monthly", API.adminKey()).sendJsonObject(change));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static JsonObject schedule() throws Exception {
    JsonObject all = ok(API.get("/api/v1/bulletins/schedules", API.adminKey()));
    return all.getJsonArray("rows").getJsonObject(0);
  }

  private static JsonObject onlyHold() throws Exception {
    JsonArray held = schedule().getJsonArray("held");
    assertThat(held).hasSize(1);
    return held.getJsonObject(0);
  }

  /** The hold is released right after the bulletin is stored. */
  private static void awaitReleased() throws Exception {
    assertThat(
            Eventually.within(
                Duration.ofSeconds(20), () -> schedule().getJsonArray("held"), JsonArray::isEmpty))
        .isEmpty();
  }

  private static JsonArray bulletins(String period) throws Exception {
    return ok(API.get("/api/v1/bulletins?series=monthly&period=" + period, API.adminKey()))
        .getJsonArray("rows");
  }

  private static String snapshot(JsonObject bulletin) throws Exception {
    String link = bulletin.getJsonObject("links").getString("snapshot");
    return await(API.get(link, API.adminKey()).send()).bodyAsString();
  }

  private static List<AuditEntry> audited(String action) {
    return new AuditLog(API.warehouse(), Clock.systemUTC())
        .find(new AuditQuery(null, null, action, null, null, null, 100));
  }

  private static void awaitRuns(BulletinScheduler scheduler, long runs) throws Exception {
    assertThat(
            Eventually.within(
                Duration.ofSeconds(120), () -> scheduler.runs(Series.MONTHLY), n -> n >= runs))
        .as("runs of the monthly series")
        .isGreaterThanOrEqualTo(runs);
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }
}
