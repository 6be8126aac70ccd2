package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.OTHER_CITY;
import static io.liangshai.api.TestTenants.OTHER_COUNTY;
import static io.liangshai.api.TestTenants.PROVINCE;
import static io.liangshai.api.TestTenants.SIBLING;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Object-level authorisation on every route of the router (OWASP API1): a county never reads or
 * writes a sibling's or another city's data, a city never reaches another city's counties, and no
 * key but the province's administers anything — each refusal a 403 with a JSON reason.
 *
 * <p>The routes are enumerated from the live router: a route without an entry in {@link #checks}
 * fails {@link #everyRouteHasAnAuthorizationCheck}, so a new endpoint cannot ship untested.
 */
class AuthorizationITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  static final List<String> TENANTS =
      List.of(PROVINCE, CITY, COUNTY, SIBLING, OTHER_CITY, OTHER_COUNTY);

  /** Tenant → its key's secret and id. */
  private static final Map<String, String> secret = new LinkedHashMap<>();

  private static final Map<String, String> keyId = new LinkedHashMap<>();

  /** County → a batch it sent. */
  private static final Map<String, String> batchOf = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    CaseFactsFixture.load(API.warehouse(), API.registry(), TENANTS, 3);
    for (String t : TENANTS) {
      JsonObject issued = issue(t);
      secret.put(t, issued.getString("key"));
      keyId.put(t, issued.getString("key_id"));
    }
    for (String county : List.of(COUNTY, SIBLING, OTHER_COUNTY)) {
      HttpResponse<Buffer> r = upload(county, county, "own-" + county);
      assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
      batchOf.put(county, r.bodyAsJsonObject().getString("batch_id"));
    }
  }

  /** Route ("GET /api/v1/cases") → the checks of who may and who may not. */
  private static Map<String, Check> checks() {
    Map<String, Check> c = new LinkedHashMap<>();
    c.put("GET /api/v1/me", AuthorizationITCase::me);
    c.put("GET /api/v1/tenants", AuthorizationITCase::registryIsPublic);
    c.put("GET /api/v1/tenants/:code/keys", AuthorizationITCase::listKeys);
    c.put("POST /api/v1/tenants/:code/keys", AuthorizationITCase::issueKeys);
    c.put("POST /api/v1/keys/:key_id/revoke", () -> keyAdministration("revoke"));
    c.put("POST /api/v1/keys/:key_id/rotate", () -> keyAdministration("rotate"));
    c.put("GET /api/v1/audit", AuthorizationITCase::audit);
    c.put("GET /api/v1/templates/cases.xlsx", AuthorizationITCase::template);
    c.put("POST /api/v1/cases", AuthorizationITCase::uploads);
    c.put("GET /api/v1/cases", AuthorizationITCase::drillDown);
    c.put("GET /api/v1/warnings", AuthorizationITCase::warnings);
    c.put("GET /api/v1/warnings/model", AuthorizationITCase::warningModel);
    c.put("GET /api/v1/warnings/summary", AuthorizationITCase::warningSummary);
    c.put("GET /api/v1/batches", AuthorizationITCase::batchList);
    c.put("GET /api/v1/batches/:batch_id", AuthorizationITCase::batchStatus);
    c.put("GET /api/v1/batches/:batch_id/errors", AuthorizationITCase::batchErrors);
    c.put("GET /api/v1/quarantine", AuthorizationITCase::quarantine);
    c.put("GET /api/v1/metrics", AuthorizationITCase::metrics);
    c.put("GET /api/v1/rankings", AuthorizationITCase::rankings);
    c.put("POST /api/v1/rankings/preview", AuthorizationITCase::preview);
    c.put("GET /api/v1/schemes", AuthorizationITCase::schemeList);
    c.put("POST /api/v1/schemes", AuthorizationITCase::schemeCreate);
    c.put("POST /api/v1/schemes/:id/retire", AuthorizationITCase::schemeRetire);
    c.put("GET /api/v1/indicators", AuthorizationITCase::indicatorList);
    IndicatorValueChecks.addTo(c, API);
    c.put("POST /api/v1/indicators", AuthorizationITCase::indicatorCreate);
    c.put("POST /api/v1/indicators/:code/retire", AuthorizationITCase::indicatorRetire);
    BulletinChecks.addTo(c, apiRoutes());
    GovernanceChecks.addTo(c, API);
    CommonProblemChecks.addTo(c);
    return c;
  }

  /** One route's authorization checks. */
  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }

  @Test
  void everyRouteHasAnAuthorizationCheck() throws Exception {
    Map<String, Check> checks = checks();
    Set<String> routes = apiRoutes();
    assertThat(checks.keySet())
        .as("every /api/v1 route has authorization checks in AuthorizationITCase.checks()")
        .containsAll(routes);
    for (String route : routes) {
      checks.get(route).run();
    }
    assertThat(routes).hasSizeGreaterThanOrEqualTo(18);
  }

  @Test
  void everyRouteRefusesAMissingOrUnknownKeyWithJson() throws Exception {
    for (String route : apiRoutes()) {
      String[] parts = route.split(" ", 2);
      String uri = concrete(parts[1]);
      HttpMethod method = HttpMethod.valueOf(parts[0]);
      HttpResponse<Buffer> none = await(API.request(method, uri).send());
      assertRefused(none, 401, route + " without a key");
      HttpResponse<Buffer> unknown =
          await(
              API.request(method, uri)
                  .putHeader("Authorization", "Bearer ls_not-a-key-of-this-platform")
                  .send());
      assertRefused(unknown, 401, route + " with an unknown key");
    }
  }

  static Set<String> apiRoutes() {
    Set<String> routes = new TreeSet<>();
    for (Route route : API.router().getRoutes()) {
      String path = route.getPath();
      if (path == null
          || !path.startsWith("/api/v1/")
          || path.endsWith("*")
          || route.methods() == null
          || path.equals("/api/v1/openapi.yaml")) {
        continue;
      }
      for (HttpMethod m : route.methods()) {
        routes.add(m.name() + " " + path);
      }
    }
    return routes;
  }

  private static String concrete(String path) {
    return path.replace(":code", COUNTY)
        .replace(":key_id", keyId.get(COUNTY))
        .replace(":batch_id", batchOf.get(COUNTY))
        .replace(":id", "standard")
        .replaceAll(":[a-z_]+", "x");
  }

  // --- the checks, one per route -------------------------------------------------------------

  private static void me() throws Exception {
    for (String t : TENANTS) {
      assertThat(ok(get("/api/v1/me", t)).getString("tenant")).isEqualTo(t);
    }
  }

  private static void registryIsPublic() throws Exception {
    for (String t : TENANTS) {
      assertThat(ok(get("/api/v1/tenants", t)).getJsonArray("rows")).hasSize(102);
    }
  }

  private static void listKeys() throws Exception {
    for (String target : List.of(COUNTY, SIBLING, CITY, OTHER_COUNTY, PROVINCE)) {
      forbidden(get("/api/v1/tenants/" + target + "/keys", COUNTY));
    }
    for (String target : List.of(CITY, OTHER_CITY, OTHER_COUNTY, PROVINCE)) {
      forbidden(get("/api/v1/tenants/" + target + "/keys", CITY));
    }
    JsonArray own = ok(get("/api/v1/tenants/" + COUNTY + "/keys", CITY)).getJsonArray("rows");
    assertThat(own).isNotEmpty();
    own.forEach(k -> assertThat(((JsonObject) k).getString("tenant")).isEqualTo(COUNTY));
    own.forEach(k -> assertThat(((JsonObject) k).containsKey("key")).isFalse());
    ok(get("/api/v1/tenants/" + OTHER_COUNTY + "/keys", PROVINCE));
  }

  private static void issueKeys() throws Exception {
    for (String caller : List.of(COUNTY, CITY, OTHER_CITY)) {
      for (String target : List.of(caller, COUNTY, SIBLING, OTHER_COUNTY)) {
        forbidden(post("/api/v1/tenants/" + target + "/keys", caller).sendJsonObject(name()));
      }
    }
    assertThat(
            await(post("/api/v1/tenants/" + SIBLING + "/keys", PROVINCE).sendJsonObject(name()))
                .statusCode())
        .isEqualTo(201);
  }

  /** Revoke or rotate: never by a county; by a city only for its own counties' keys. */
  private static void keyAdministration(String verb) throws Exception {
    for (String target : List.of(COUNTY, SIBLING, CITY, OTHER_COUNTY, PROVINCE)) {
      forbidden(post("/api/v1/keys/" + keyId.get(target) + "/" + verb, COUNTY).send());
    }
    for (String target : List.of(CITY, OTHER_CITY, OTHER_COUNTY, PROVINCE)) {
      forbidden(post("/api/v1/keys/" + keyId.get(target) + "/" + verb, CITY).send());
    }
    forbidden(post("/api/v1/keys/" + keyId.get(COUNTY) + "/" + verb, OTHER_CITY).send());
    // A city may act on a key of its own county: a throwaway one.
    String throwaway = issue(SIBLING).getString("key_id");
    HttpResponse<Buffer> r = await(post("/api/v1/keys/" + throwaway + "/" + verb, CITY).send());
    assertThat(r.statusCode()).as(Answers.describe(r)).isIn(200, 201);
    // Every key the refusals named is still in force.
    for (String t : TENANTS) {
      ok(get("/api/v1/me", t));
    }
  }

  private static void audit() throws Exception {
    // Upload rows are written just after the answer: wait for the county's own.
    JsonArray own = ok(get("/api/v1/audit?limit=1000", COUNTY)).getJsonArray("rows");
    for (int i = 0; own.isEmpty() && i < 100; i++) {
      Thread.sleep(100);
      own = ok(get("/api/v1/audit?limit=1000", COUNTY)).getJsonArray("rows");
    }
    assertThat(own).isNotEmpty();
    own.forEach(
        row -> {
          JsonObject r = (JsonObject) row;
          assertThat(r.getString("tenant")).isEqualTo(COUNTY);
          assertThat(r.getString("action")).startsWith("batch.");
        });
    forbidden(get("/api/v1/audit?actor=" + SIBLING, COUNTY));
    forbidden(get("/api/v1/audit?actor=" + CITY, COUNTY));
    forbidden(get("/api/v1/audit?actor=" + OTHER_COUNTY, CITY));
    forbidden(get("/api/v1/audit?actor=" + PROVINCE, CITY));
    assertThat(ok(get("/api/v1/audit?actor=" + keyId.get(SIBLING), COUNTY)).getJsonArray("rows"))
        .isEmpty();
    assertThat(ok(get("/api/v1/audit?action=key", COUNTY)).getJsonArray("rows")).isEmpty();
    JsonArray city = ok(get("/api/v1/audit?limit=1000", CITY)).getJsonArray("rows");
    city.forEach(
        row -> assertThat(((JsonObject) row).getString("tenant")).isIn(CITY, COUNTY, SIBLING));
    assertThat(ok(get("/api/v1/audit?action=key.issue", PROVINCE)).getJsonArray("rows"))
        .isNotEmpty();
  }

  private static void template() throws Exception {
    template("/api/v1/templates/cases.xlsx");
  }

  /** Every key reads an upload template. */
  static void template(String uri) throws Exception {
    for (String t : TENANTS) {
      HttpResponse<Buffer> r = await(get(uri, t).send());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.getHeader("Content-Type")).contains("spreadsheetml");
    }
  }

  /** Rows for a tenant outside the key's scope are rejected, row by row; nothing is kept. */
  private static void uploads() throws Exception {
    for (String[] pair : INTRUSIONS) {
      JsonObject r = ok(upload(pair[0], pair[1], "intruder-" + pair[0]));
      assertThat(r.getInteger("accepted")).as(pair[0] + " → " + pair[1]).isZero();
      assertThat(r.getInteger("rejected")).isEqualTo(1);
      assertThat(r.getJsonArray("errors").getJsonObject(0).getString("message"))
          .contains("outside the scope");
    }
    assertThat(ok(upload(CITY, COUNTY, "city-for-county")).getInteger("accepted")).isEqualTo(1);
  }

  /** Uploader → a tenant outside its scope. */
  static final String[][] INTRUSIONS =
      new String[][] {
        {COUNTY, SIBLING},
        {COUNTY, CITY},
        {COUNTY, OTHER_COUNTY},
        {COUNTY, PROVINCE},
        {CITY, OTHER_COUNTY},
        {CITY, OTHER_CITY},
        {CITY, PROVINCE}
      };

  private static void drillDown() throws Exception {
    String q = "&period=" + CaseFactsFixture.PERIOD;
    refusedOutsideScope("/api/v1/cases", q);
    assertOnlyTenants(ok(get("/api/v1/cases?tenant=" + COUNTY + q, COUNTY)), Set.of(COUNTY));
    assertOnlyTenants(
        ok(get("/api/v1/cases?tenant=" + CITY + q, CITY)), Set.of(CITY, COUNTY, SIBLING));
  }

  private static void warnings() throws Exception {
    refusedOutsideScope("/api/v1/warnings", "");
    assertOnlyTenants(ok(get("/api/v1/warnings", COUNTY)), Set.of(COUNTY));
    assertOnlyTenants(ok(get("/api/v1/warnings", CITY)), Set.of(CITY, COUNTY, SIBLING));
    assertOnlyTenants(
        ok(get("/api/v1/warnings?tenant=" + OTHER_CITY, PROVINCE)),
        Set.of(OTHER_CITY, OTHER_COUNTY));
  }

  private static void warningSummary() throws Exception {
    refusedOutsideScope("/api/v1/warnings/summary", "");
    assertOnlyTenants(ok(get("/api/v1/warnings/summary", COUNTY)), Set.of(COUNTY));
    // One row per tenant of the scope asked for, whether it has open cases or not.
    Set<String> otherCity = new HashSet<>();
    API.registry().selfAndDescendants(OTHER_CITY).forEach(t -> otherCity.add(t.code()));
    assertOnlyTenants(
        ok(get("/api/v1/warnings/summary?tenant=" + OTHER_CITY, PROVINCE)), otherCity);
  }

  /**
   * {@code path?tenant=T&query} is refused to the county's key for every tenant but itself, and to
   * the city's for every tenant outside the city.
   */
  private static void refusedOutsideScope(String path, String query) throws Exception {
    for (String target : List.of(SIBLING, CITY, OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      forbidden(get(path + "?tenant=" + target + query, COUNTY));
    }
    for (String target : List.of(OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      forbidden(get(path + "?tenant=" + target + query, CITY));
    }
  }

  /** The model's report names no tenant's case: every key may read it. */
  private static void warningModel() throws Exception {
    for (String t : TENANTS) {
      assertThat(ok(get("/api/v1/warnings/model", t)).containsKey("cases")).isTrue();
    }
  }

  private static void batchList() throws Exception {
    forbidden(get("/api/v1/batches?tenant=" + SIBLING, COUNTY));
    forbidden(get("/api/v1/batches?tenant=" + CITY, COUNTY));
    forbidden(get("/api/v1/batches?tenant=" + OTHER_COUNTY, CITY));
    forbidden(get("/api/v1/batches?tenant=" + PROVINCE, CITY));
    for (String caller : List.of(COUNTY, SIBLING, CITY)) {
      Set<String> allowed = caller.equals(CITY) ? Set.of(CITY, COUNTY, SIBLING) : Set.of(caller);
      ok(get("/api/v1/batches?limit=200", caller))
          .getJsonArray("rows")
          .forEach(b -> assertThat(((JsonObject) b).getString("tenant")).isIn(allowed));
    }
  }

  private static void batchStatus() throws Exception {
    forbidden(get("/api/v1/batches/" + batchOf.get(SIBLING), COUNTY));
    forbidden(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY), COUNTY));
    forbidden(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY), CITY));
    ok(get("/api/v1/batches/" + batchOf.get(COUNTY), COUNTY));
    ok(get("/api/v1/batches/" + batchOf.get(COUNTY), CITY));
    ok(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY), PROVINCE));
  }

  /** A batch's error download: to the same callers as the batch. */
  private static void batchErrors() throws Exception {
    forbidden(get("/api/v1/batches/" + batchOf.get(SIBLING) + "/errors", COUNTY));
    forbidden(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY) + "/errors", COUNTY));
    forbidden(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY) + "/errors", CITY));
    for (String caller : List.of(COUNTY, CITY)) {
      JsonObject own =
          ok(get("/api/v1/batches/" + batchOf.get(COUNTY) + "/errors?format=json", caller));
      assertThat(own.getInteger("errors_total")).isZero();
    }
    ok(get("/api/v1/batches/" + batchOf.get(OTHER_COUNTY) + "/errors?format=json", PROVINCE));
  }

  /** Quarantine rows may carry any tenant's data: the province's alone. */
  private static void quarantine() throws Exception {
    for (String t : List.of(COUNTY, SIBLING, CITY, OTHER_CITY, OTHER_COUNTY)) {
      forbidden(get("/api/v1/quarantine", t));
      forbidden(get("/api/v1/quarantine?tenant=" + t, t));
    }
    assertThat(ok(get("/api/v1/quarantine", PROVINCE)).getJsonArray("rows")).isNotNull();
  }

  private static void metrics() throws Exception {
    for (String target : List.of(SIBLING, CITY, OTHER_COUNTY, PROVINCE)) {
      forbidden(get("/api/v1/metrics?period=2024-01&tenant=" + target, COUNTY));
    }
    for (String target : List.of(OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      forbidden(get("/api/v1/metrics?period=2024-01&tenant=" + target, CITY));
    }
    assertOnlyTenants(
        ok(get("/api/v1/metrics?period=2024-01&level=county", COUNTY)), Set.of(COUNTY));
    JsonObject cityCounties = ok(get("/api/v1/metrics?period=2024-01&level=county", CITY));
    cityCounties
        .getJsonArray("rows")
        .forEach(
            r ->
                assertThat(
                        API.registry()
                            .isSelfOrDescendant(CITY, ((JsonObject) r).getString("tenant")))
                    .isTrue());
    assertThat(ok(get("/api/v1/metrics?period=2024-01&level=city", COUNTY)).getJsonArray("rows"))
        .isEmpty();
  }

  /** League tables are for everyone and never carry enterprise names or descriptions. */
  private static void rankings() throws Exception {
    for (String t : TENANTS) {
      HttpResponse<Buffer> r =
          await(get("/api/v1/rankings?period=2024-01&group=counties", t).send());
      assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
      assertThat(r.bodyAsString()).doesNotContain("企业-", "描述-", "enterprise_name", "description");
    }
  }

  private static void preview() throws Exception {
    provinceOnly(
        "/api/v1/rankings/preview",
        new JsonObject().put("period", "2024-01").put("group", "counties"));
  }

  private static void schemeList() throws Exception {
    for (String t : TENANTS) {
      ok(get("/api/v1/schemes", t));
    }
  }

  private static void schemeCreate() throws Exception {
    provinceOnly("/api/v1/schemes", new JsonObject().put("id", "mine").put("name", "我的"));
  }

  /** A POST of {@code body} to {@code uri} is forbidden to the county and to the city. */
  private static void provinceOnly(String uri, JsonObject body) throws Exception {
    for (String t : List.of(COUNTY, CITY)) {
      forbidden(post(uri, t).sendJsonObject(body));
    }
  }

  private static void schemeRetire() throws Exception {
    for (String t : List.of(COUNTY, CITY)) {
      forbidden(post("/api/v1/schemes/standard/retire", t).send());
    }
  }

  private static void indicatorList() throws Exception {
    for (String t : TENANTS) {
      ok(get("/api/v1/indicators", t));
    }
  }

  private static void indicatorCreate() throws Exception {
    provinceOnly(
        "/api/v1/indicators",
        new JsonObject()
            .put("code", "mine")
            .put("name", "我的")
            .put("kind", "reported")
            .put("direction", "higher_better"));
  }

  private static void indicatorRetire() throws Exception {
    for (String t : List.of(COUNTY, CITY)) {
      forbidden(post("/api/v1/indicators/mine/retire", t).send());
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  static JsonObject issue(String tenant) throws Exception {
    HttpResponse<Buffer> r =
        await(
            API.post("/api/v1/tenants/" + tenant + "/keys", API.adminKey()).sendJsonObject(name()));
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private static JsonObject name() {
    return new JsonObject().put("name", "authorization test");
  }

  static HttpResponse<Buffer> upload(String caller, String rowTenant, String caseId)
      throws Exception {
    String csv =
        "case_id,tenant_code,updated_at,enterprise_uscc,enterprise_name,channel,category,"
            + "received_at,status,description\n"
            + caseId
            + ","
            + rowTenant
            + ",2024-03-05T10:00:00+08:00,91350100M000100Y43,企业-"
            + rowTenant
            + ",hotline_12345,policy,2024-03-05T09:00:00+08:00,received,描述-"
            + rowTenant
            + "\n";
    return await(
        post("/api/v1/cases", caller)
            .putHeader("Content-Type", "text/csv")
            .sendBuffer(Buffer.buffer(csv)));
  }

  private static void assertOnlyTenants(JsonObject page, Set<String> allowed) {
    JsonArray rows = page.getJsonArray("rows");
    assertThat(rows).isNotEmpty();
    rows.forEach(r -> assertThat(((JsonObject) r).getString("tenant")).isIn(allowed));
  }

  /** The secret of {@code tenant}'s key. */
  static String keyOf(String tenant) {
    return secret.get(tenant);
  }

  static HttpRequest<Buffer> get(String uri, String tenant) {
    return API.get(uri, secret.get(tenant));
  }

  static HttpRequest<Buffer> request(HttpMethod method, String uri, String tenant) {
    return API.request(method, uri, secret.get(tenant));
  }

  static HttpRequest<Buffer> post(String uri, String tenant) {
    return API.post(uri, secret.get(tenant));
  }

  static JsonObject ok(HttpRequest<Buffer> request) throws Exception {
    return Answers.ok(request);
  }

  static JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(Answers.describe(r)).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static void forbidden(HttpRequest<Buffer> request) throws Exception {
    forbidden(await(request.send()));
  }

  static void forbidden(Future<HttpResponse<Buffer>> sent) throws Exception {
    forbidden(await(sent));
  }

  static void forbidden(HttpResponse<Buffer> r) {
    assertRefused(r, 403, "expected 403");
  }

  static void assertRefused(HttpResponse<Buffer> r, int status, String what) {
    assertThat(r.statusCode()).as(what + ": " + Answers.describe(r)).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).as(what).startsWith("application/json");
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getInteger("status")).isEqualTo(status);
    assertThat(body.getString("message")).as(what).isNotBlank();
  }
}
