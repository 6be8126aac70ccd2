package io.liangshai.api;

import static io.liangshai.api.Answers.verified;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.TenantFigures;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.testing.SampleCounts;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schemes over the API: versions 1, 2, … of an id stored in PostgreSQL, retiring, the built-in
 * {@code standard}, field-naming 400s, province-only administration, and previews with a scheme
 * that is not saved.
 */
@ExtendWith(VertxExtension.class)
class SchemeApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  /** 淳安县, a county of 杭州市. */
  private static final String COUNTY = "330127";

  private static final int PARALLEL_CREATES = 8;

  private static String countyKey;

  @BeforeAll
  static void start() throws Exception {
    countyKey = API.issueKey(COUNTY);
  }

  @Test
  void concurrentCreatesOfOneIdNeverShareAVersion(VertxTestContext ctx) {
    List<Future<HttpResponse<Buffer>>> posts = new ArrayList<>();
    for (int i = 0; i < PARALLEL_CREATES; i++) {
      posts.add(create(lowerBetter("parallel", "并发方案 " + i)));
    }
    Future.all(posts)
        .compose(
            all ->
                API.get("/api/v1/schemes", countyKey)
                    .send()
                    .map(list -> List.<Object>of(all, list)))
        .onComplete(
            verified(
                ctx,
                r -> {
                  CompositeFuture all = (CompositeFuture) r.get(0);
                  List<Integer> versions = new ArrayList<>();
                  Map<Integer, String> names = new HashMap<>();
                  for (int i = 0; i < PARALLEL_CREATES; i++) {
                    HttpResponse<Buffer> created = all.resultAt(i);
                    assertStatus(created, 201);
                    JsonObject body = created.bodyAsJsonObject();
                    versions.add(body.getInteger("version"));
                    names.put(body.getInteger("version"), body.getString("name"));
                  }
                  List<Integer> expected = new ArrayList<>();
                  for (int v = 1; v <= PARALLEL_CREATES; v++) {
                    expected.add(v);
                  }
                  assertThat(versions).containsExactlyInAnyOrderElementsOf(expected);
                  @SuppressWarnings("unchecked")
                  HttpResponse<Buffer> list = (HttpResponse<Buffer>) r.get(1);
                  JsonArray stored = scheme(list, "parallel").getJsonArray("versions");
                  assertThat(stored).hasSize(PARALLEL_CREATES);
                  for (int i = 0; i < stored.size(); i++) {
                    JsonObject v = stored.getJsonObject(i);
                    assertThat(v.getString("name"))
                        .as(
                            "version %d is the one its POST was answered with",
                            v.getInteger("version"))
                        .isEqualTo(names.get(v.getInteger("version")));
                  }
                }));
  }

  @Test
  void creatingAnIdTwiceMakesVersionsOneAndTwo(VertxTestContext ctx) {
    JsonObject first = lowerBetter("twice", "两次方案");
    JsonObject second = lowerBetter("twice", "两次方案（修订）").put("minimum_volume", 30);
    create(first)
        .compose(one -> create(second).map(two -> List.of(one, two)))
        .compose(
            created ->
                Future.all(
                        API.get("/api/v1/schemes", countyKey).send(),
                        rankings("twice"),
                        rankings("twice@1"))
                    .map(
                        all ->
                            List.of(
                                created.get(0),
                                created.get(1),
                                all.<HttpResponse<Buffer>>resultAt(0),
                                all.<HttpResponse<Buffer>>resultAt(1),
                                all.<HttpResponse<Buffer>>resultAt(2))))
        .onComplete(
            verified(
                ctx,
                r -> {
                  assertStatus(r.get(0), 201);
                  assertStatus(r.get(1), 201);
                  assertThat(r.get(0).bodyAsJsonObject().getInteger("version")).isEqualTo(1);
                  JsonObject v2 = r.get(1).bodyAsJsonObject();
                  assertThat(v2.getInteger("version")).isEqualTo(2);
                  assertThat(v2.getInteger("minimum_volume")).isEqualTo(30);
                  assertThat(v2.getString("created_by")).isEqualTo("admin");
                  assertThat(v2.getString("retired_at")).isNull();

                  JsonObject listed = scheme(r.get(2), "twice");
                  assertThat(listed.getInteger("current_version")).isEqualTo(2);
                  assertThat(listed.getString("name")).isEqualTo("两次方案（修订）");
                  assertThat(versions(listed)).containsExactly(1, 2);
                  assertThat(
                          listed
                              .getJsonArray("versions")
                              .getJsonObject(0)
                              .getInteger("minimum_volume"))
                      .isEqualTo(20);

                  assertStatus(r.get(3), 200);
                  assertThat(r.get(3).bodyAsJsonObject().getJsonObject("scheme"))
                      .isEqualTo(
                          new JsonObject()
                              .put("id", "twice")
                              .put("version", 2)
                              .put("name", "两次方案（修订）"));
                  assertStatus(r.get(4), 200);
                  assertThat(
                          r.get(4).bodyAsJsonObject().getJsonObject("scheme").getInteger("version"))
                      .isEqualTo(1);
                }));
  }

  @Test
  void standardIsBuiltInAndCannotBeOverwrittenOrRetired(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> list = API.get("/api/v1/schemes", API.adminKey()).send();
    Future<HttpResponse<Buffer>> overwrite = create(lowerBetter("standard", "覆盖"));
    Future<HttpResponse<Buffer>> retire =
        API.post("/api/v1/schemes/standard/retire", API.adminKey()).send();
    Future.all(list, overwrite, retire)
        .onComplete(
            verified(
                ctx,
                all -> {
                  JsonObject standard = scheme(list.result(), "standard");
                  assertThat(standard.getBoolean("built_in")).isTrue();
                  assertThat(standard.getInteger("current_version")).isEqualTo(1);
                  assertThat(versions(standard)).containsExactly(1);
                  JsonObject v1 = standard.getJsonArray("versions").getJsonObject(0);
                  assertThat(v1.getString("name")).isEqualTo("标准方案");
                  assertThat(v1.getJsonArray("indicators")).hasSize(4);
                  assertThat(v1.getString("normalisation")).isEqualTo("min_max");
                  assertStatus(overwrite.result(), 409);
                  assertStatus(retire.result(), 409);
                }));
  }

  @Test
  void retiringHidesAVersionFromTheIdButKeepsItPinnable(VertxTestContext ctx) {
    List<HttpResponse<Buffer>> seen = new ArrayList<>();
    create(lowerBetter("retiring", "退役方案"))
        .compose(v1 -> create(lowerBetter("retiring", "退役方案 v2")))
        .compose(v2 -> API.post("/api/v1/schemes/retiring@2/retire", API.adminKey()).send())
        .compose(r -> remember(seen, r, rankings("retiring")))
        .compose(
            r ->
                remember(
                    seen, r, API.post("/api/v1/schemes/retiring/retire", API.adminKey()).send()))
        .compose(r -> remember(seen, r, rankings("retiring")))
        .compose(r -> remember(seen, r, rankings("retiring@1")))
        .onComplete(
            verified(
                ctx,
                last -> {
                  seen.add(last);
                  HttpResponse<Buffer> retiredTwo = seen.get(0);
                  assertStatus(retiredTwo, 200);
                  JsonObject afterFirst = retiredTwo.bodyAsJsonObject();
                  assertThat(afterFirst.getInteger("current_version")).isEqualTo(1);
                  assertThat(
                          afterFirst
                              .getJsonArray("versions")
                              .getJsonObject(0)
                              .getString("retired_at"))
                      .isNull();
                  assertThat(
                          afterFirst
                              .getJsonArray("versions")
                              .getJsonObject(1)
                              .getString("retired_at"))
                      .isNotNull();

                  HttpResponse<Buffer> newestActive = seen.get(1);
                  assertStatus(newestActive, 200);
                  assertThat(
                          newestActive
                              .bodyAsJsonObject()
                              .getJsonObject("scheme")
                              .getInteger("version"))
                      .isEqualTo(1);

                  HttpResponse<Buffer> retiredAll = seen.get(2);
                  assertStatus(retiredAll, 200);
                  assertThat(retiredAll.bodyAsJsonObject().getValue("current_version")).isNull();

                  assertStatus(seen.get(3), 404);
                  assertStatus(seen.get(4), 200);
                  assertThat(
                          seen.get(4)
                              .bodyAsJsonObject()
                              .getJsonObject("scheme")
                              .getInteger("version"))
                      .isEqualTo(1);
                }));
  }

  private static <T> Future<T> remember(
      List<HttpResponse<Buffer>> seen, HttpResponse<Buffer> r, Future<T> next) {
    seen.add(r);
    return next;
  }

  @Test
  void retiringAnUnknownSchemeIsNotFound(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> unknown =
        API.post("/api/v1/schemes/nonesuch/retire", API.adminKey()).send();
    Future<HttpResponse<Buffer>> badPath =
        API.post("/api/v1/schemes/x'%3B%20DROP%20TABLE%20schemes%3B--/retire", API.adminKey())
            .send();
    Answers.verifiedStatuses(
        ctx, List.of(unknown, badPath), List.of(404, 400), SchemeApiITCase::assertStatus);
  }

  @Test
  void invalidDefinitionsAreBadRequestsNamingTheField(VertxTestContext ctx) {
    Map<String, JsonObject> cases =
        Map.of(
            "indicators[0].weight",
            lowerBetter("bad", "坏")
                .put(
                    "indicators",
                    new JsonArray().add(indicator("overdue_rate", -1, "lower_better"))),
            "indicators[1].rate",
            lowerBetter("bad", "坏")
                .put(
                    "indicators",
                    new JsonArray()
                        .add(indicator("overdue_rate", 1, "lower_better"))
                        .add(indicator("received", 1, "higher_better"))),
            "indicators[0].direction",
            lowerBetter("bad", "坏")
                .put("indicators", new JsonArray().add(indicator("overdue_rate", 1, "sideways"))),
            "indicators[0].goalposts",
            lowerBetter("bad", "坏").put("normalisation", "target"),
            "normalisation",
            lowerBetter("bad", "坏").put("normalisation", "log"),
            "minimum_volume",
            lowerBetter("bad", "坏").put("minimum_volume", 0),
            "name",
            lowerBetter("bad", "坏").putNull("name"),
            "id",
            lowerBetter("Bad Id", "坏"),
            "indicators",
            lowerBetter("bad", "坏").put("indicators", new JsonArray()),
            "colour",
            lowerBetter("bad", "坏").put("colour", "red"));
    List<String> fields = new ArrayList<>(cases.keySet());
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    fields.forEach(field -> answers.add(create(cases.get(field))));
    Future<HttpResponse<Buffer>> notJson =
        API.post("/api/v1/schemes", API.adminKey())
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("[1, 2"));
    Future.all(answers)
        .compose(all -> notJson.map(nj -> all))
        .onComplete(
            verified(
                ctx,
                all -> {
                  assertEachIs400NamingItsField(all, fields);
                  Answers.eachAnswer(
                      all,
                      fields,
                      (field, r) ->
                          assertThat(r.bodyAsJsonObject().getString("message"))
                              .startsWith(field + ": "));
                  assertStatus(notJson.result(), 400);
                }));
  }

  @Test
  void aCountyReadsSchemesAndRankingsButCannotAdministerThem(VertxTestContext ctx) {
    Future<HttpResponse<Buffer>> list = API.get("/api/v1/schemes", countyKey).send();
    Future<HttpResponse<Buffer>> read =
        API.get("/api/v1/rankings?period=2024-01&group=non_mountain", countyKey).send();
    Future<HttpResponse<Buffer>> create =
        API.post("/api/v1/schemes", countyKey).sendJsonObject(lowerBetter("mine", "我的方案"));
    Future<HttpResponse<Buffer>> retire =
        API.post("/api/v1/schemes/standard/retire", countyKey).send();
    Future<HttpResponse<Buffer>> preview =
        API.post("/api/v1/rankings/preview", countyKey)
            .sendJsonObject(
                new JsonObject()
                    .put("period", "2024-01")
                    .put("group", "counties")
                    .put("scheme", lowerBetter("mine", "我的方案")));
    Future.all(List.of(list, read, create, retire, preview))
        .onComplete(
            verified(
                ctx,
                all -> {
                  assertStatus(list.result(), 200);
                  assertStatus(read.result(), 200);
                  for (Future<HttpResponse<Buffer>> denied : List.of(create, retire, preview)) {
                    assertStatus(denied.result(), 403);
                    assertThat(denied.result().bodyAsJsonObject().getString("error"))
                        .isEqualTo("forbidden");
                  }
                }));
  }

  @Test
  void previewRanksWithAnUnsavedLowerBetterScheme(VertxTestContext ctx) {
    JsonObject definition =
        new JsonObject()
            .put("minimum_volume", 20)
            .put(
                "indicators",
                new JsonArray()
                    .add(indicator("overdue_rate", 2, "lower_better"))
                    .add(indicator("recurrence_rate", 1, "lower_better")));
    LeagueTable want = expectedPreview("2024-02", "counties");
    API.post("/api/v1/rankings/preview", API.adminKey())
        .sendJsonObject(
            new JsonObject()
                .put("period", "2024-02")
                .put("group", "counties")
                .put("scheme", definition))
        .compose(
            preview ->
                API.get("/api/v1/schemes", API.adminKey())
                    .send()
                    .map(list -> List.of(preview, list)))
        .onComplete(
            verified(
                ctx,
                r -> {
                  assertStatus(r.get(0), 200);
                  JsonObject body = r.get(0).bodyAsJsonObject();
                  assertThat(body.getBoolean("preview")).isTrue();
                  assertThat(body.getJsonObject("scheme").getString("id")).isEqualTo("preview");
                  JsonArray rows = body.getJsonArray("rows");
                  assertThat(rows).hasSize(want.rows().size());
                  for (int i = 0; i < rows.size(); i++) {
                    JsonObject got = rows.getJsonObject(i);
                    LeagueRow w = want.rows().get(i);
                    assertThat(got.getString("tenant")).isEqualTo(w.tenant());
                    assertThat(got.getInteger("rank")).as(w.tenant()).isEqualTo(w.rank());
                    assertThat(got.getInteger("previous_rank"))
                        .as(w.tenant())
                        .isEqualTo(w.previousRank());
                    assertThat(
                            got.getValue("score") == null
                                ? null
                                : new BigDecimal(got.getValue("score").toString()).setScale(2))
                        .as(w.tenant())
                        .isEqualTo(w.score());
                    assertThat(got.getJsonObject("scores").fieldNames())
                        .as(w.tenant())
                        .containsExactlyInAnyOrder(
                            w.eligible()
                                ? new String[] {"overdue_rate", "recurrence_rate"}
                                : new String[0]);
                  }
                  assertThat(scheme(r.get(1), "preview")).as("a preview saves nothing").isNull();
                }));
  }

  @Test
  void previewRejectsBadRequestsNamingTheField(VertxTestContext ctx) {
    JsonObject scheme = lowerBetter("p", "预览");
    List<JsonObject> bodies =
        List.of(
            new JsonObject()
                .put("period", "2024-13")
                .put("group", "counties")
                .put("scheme", scheme),
            new JsonObject().put("group", "counties").put("scheme", scheme),
            new JsonObject().put("period", "2024-01").put("scheme", scheme),
            new JsonObject().put("period", "2024-01").put("group", "counties"),
            new JsonObject()
                .put("period", "2024-01")
                .put("group", "counties")
                .put(
                    "scheme",
                    scheme
                        .copy()
                        .put(
                            "indicators",
                            new JsonArray().add(indicator("overdue_rate", 0, "lower_better")))),
            new JsonObject()
                .put("period", "2024-01")
                .put("group", "counties")
                .put("scheme", scheme)
                .put("tenant", "330522"));
    List<String> fields =
        List.of("period", "period", "group", "scheme", "scheme.indicators[0].weight", "tenant");
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    bodies.forEach(
        b -> answers.add(API.post("/api/v1/rankings/preview", API.adminKey()).sendJsonObject(b)));
    Future<HttpResponse<Buffer>> unknownGroup =
        API.post("/api/v1/rankings/preview", API.adminKey())
            .sendJsonObject(
                new JsonObject()
                    .put("period", "2024-01")
                    .put("group", "lakeside")
                    .put("scheme", scheme));
    answers.add(unknownGroup);
    Future.all(answers)
        .onComplete(
            verified(
                ctx,
                all -> {
                  assertEachIs400NamingItsField(all, fields);
                  assertStatus(unknownGroup.result(), 404);
                }));
  }

  /** What core gives for the preview scheme over the same figures, previous ranks included. */
  private static LeagueTable expectedPreview(String period, String group) {
    Scheme scheme =
        Scheme.builder()
            .id("preview")
            .name("预览方案")
            .indicator(Indicator.OVERDUE_RATE, 2, Direction.LOWER_BETTER)
            .indicator(Indicator.RECURRENCE_RATE, 1, Direction.LOWER_BETTER)
            .build();
    Period p = Period.parse(period);
    Map<String, Integer> previousRanks = new HashMap<>();
    for (LeagueRow row :
        LeagueTable.compute(scheme, members(p.previous(), group), Map.of()).rows()) {
      if (row.rank() != null) {
        previousRanks.put(row.tenant(), row.rank());
      }
    }
    return LeagueTable.compute(scheme, members(p, group), previousRanks);
  }

  private static List<TenantFigures> members(Period period, String group) {
    Map<String, Indicators> byTenant = SampleCounts.figures().get(period);
    List<TenantFigures> members = new ArrayList<>();
    for (Tenant t : API.registry().members(group)) {
      members.add(new TenantFigures(t.code(), byTenant.get(t.code())));
    }
    return members;
  }

  private static Future<HttpResponse<Buffer>> create(JsonObject definition) {
    return API.post("/api/v1/schemes", API.adminKey()).sendJsonObject(definition);
  }

  private static Future<HttpResponse<Buffer>> rankings(String scheme) {
    return API.get("/api/v1/rankings", API.adminKey())
        .addQueryParam("period", "2024-01")
        .addQueryParam("group", "cities")
        .addQueryParam("scheme", scheme)
        .send();
  }

  private static JsonObject lowerBetter(String id, String name) {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("normalisation", "min_max")
        .put("indicators", new JsonArray().add(indicator("overdue_rate", 1, "lower_better")));
  }

  private static JsonObject indicator(String rate, double weight, String direction) {
    return new JsonObject().put("rate", rate).put("weight", weight).put("direction", direction);
  }

  /** The entry of {@code id} in a {@code GET /api/v1/schemes} answer, or null. */
  private static JsonObject scheme(HttpResponse<Buffer> list, String id) {
    assertStatus(list, 200);
    for (Object row : list.bodyAsJsonObject().getJsonArray("rows")) {
      if (((JsonObject) row).getString("id").equals(id)) {
        return (JsonObject) row;
      }
    }
    return null;
  }

  private static List<Integer> versions(JsonObject scheme) {
    List<Integer> versions = new ArrayList<>();
    for (Object v : scheme.getJsonArray("versions")) {
      versions.add(((JsonObject) v).getInteger("version"));
    }
    return versions;
  }

  /** The first {@code fields.size()} answers of {@code all}: each a 400 naming its field. */
  private static void assertEachIs400NamingItsField(CompositeFuture all, List<String> fields) {
    Answers.eachAnswer(
        all,
        fields,
        (field, r) -> {
          assertStatus(r, 400);
          assertThat(r.bodyAsJsonObject().getString("field")).as(field).isEqualTo(field);
        });
  }

  private static void assertStatus(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
  }
}
