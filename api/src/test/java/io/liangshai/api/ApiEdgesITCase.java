package io.liangshai.api;

import static io.liangshai.api.Answers.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API's own edges (issue 11, item 8): a query string that does not decode is a 400 on every
 * route, unknown paths and methods answer JSON (404, 405 with {@code Allow}), a 401 says how to
 * authenticate.
 */
class ApiEdgesITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String COUNTY = "330522";

  private static String key;

  @BeforeAll
  static void start() throws Exception {
    key = API.issueKey(COUNTY);
  }

  /** Every GET path of the live router, with its parameters filled in. */
  private static Set<String> getRoutes() {
    Set<String> paths = new TreeSet<>();
    for (Route route : API.router().getRoutes()) {
      String path = route.getPath();
      if (path != null
          && !path.endsWith("*")
          && route.methods() != null
          && route.methods().contains(HttpMethod.GET)) {
        paths.add(
            path.replace(":code", COUNTY)
                .replace(":batch_id", "20240101T000000000-0001")
                .replace(":key_id", "k_0000000000000000")
                .replace(":series", "monthly")
                .replace(":id", "standard"));
      }
    }
    return paths;
  }

  @Test
  void aMalformedPercentEscapeIsA400WithAReasonOnEveryGetRoute() throws Exception {
    Set<String> paths = getRoutes();
    assertThat(paths).hasSizeGreaterThanOrEqualTo(15).contains("/api/v1/metrics", "/healthz");
    for (String path : paths) {
      for (String query : new String[] {"?period=%zz", "?tenant=33%2", "?%=x"}) {
        RawHttp.Response r = RawHttp.get(API.port(), path + query, key);
        assertThat(r.status()).as(path + query + " → " + r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonObject body = new JsonObject(r.body());
        assertThat(body.getString("error")).isEqualTo("bad_request");
        assertThat(body.getString("message")).contains("percent-encoding");
      }
    }
    // A well-formed escape is still read as its character.
    RawHttp.Response fine =
        RawHttp.get(API.port(), "/api/v1/metrics?period=2024%2D03&tenant=" + COUNTY, key);
    assertThat(fine.status()).as(fine.body()).isEqualTo(200);
  }

  @Test
  void aMalformedEscapeInThePathIsAClientErrorInJson() throws Exception {
    RawHttp.Response r = RawHttp.get(API.port(), "/api/v1/batches/%zz", key);
    assertThat(r.status()).as(r.body()).isBetween(400, 404);
    assertThat(new JsonObject(r.body()).getInteger("status")).isEqualTo(r.status());
  }

  @Test
  void unknownPathsAnswer404InJson() throws Exception {
    for (String path :
        new String[] {"/api/v1/nothing-here", "/api/v1/metrics/x", "/nothing.html"}) {
      var r = await(API.get(path, key).send());
      assertThat(r.statusCode()).as(path + " → " + r.bodyAsString()).isEqualTo(404);
      assertThat(r.getHeader("Content-Type")).startsWith("application/json");
      assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
    }
  }

  @Test
  void unknownMethodsAnswer405WithAllow() throws Exception {
    Object[][] cases = {
      {HttpMethod.DELETE, "/api/v1/me", "GET"},
      {HttpMethod.PUT, "/api/v1/cases", "GET, POST"},
      {HttpMethod.PATCH, "/api/v1/tenants/" + COUNTY + "/keys", "GET, POST"},
      {HttpMethod.DELETE, "/api/v1/bulletins/b1.pdf", "GET"},
    };
    for (Object[] c : cases) {
      var r =
          await(
              API.request((HttpMethod) c[0], (String) c[1])
                  .putHeader("Authorization", "Bearer " + key)
                  .send());
      assertThat(r.statusCode()).as(c[0] + " " + c[1] + " → " + r.bodyAsString()).isEqualTo(405);
      assertThat(r.getHeader("Allow")).isEqualTo(c[2]);
      assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("method_not_allowed");
    }
  }

  @Test
  void theWebPageStillComesAsHtml() throws Exception {
    var page = await(API.request(HttpMethod.GET, "/").send());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
  }

  @Test
  void aFailingSchemeStoreAnswers503AndNoDriverError() throws Exception {
    JsonObject scheme =
        new JsonObject()
            .put("id", "unstored")
            .put("name", "存不下的方案")
            .put("normalisation", "min_max")
            .put(
                "indicators",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("rate", "overdue_rate")
                            .put("weight", 1)
                            .put("direction", "lower_better")));
    try (var c = API.metadata().getConnection();
        var st = c.createStatement()) {
      st.execute("ALTER TABLE scheme_versions RENAME TO scheme_versions_away");
      try {
        var created = await(API.post("/api/v1/schemes", API.adminKey()).sendJsonObject(scheme));
        var listed = await(API.get("/api/v1/schemes", key).send());
        for (var r : List.of(created, listed)) {
          assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(503);
          assertThat(r.getHeader("Retry-After")).isNotBlank();
          assertThat(r.bodyAsJsonObject().getString("message"))
              .contains("PostgreSQL")
              .doesNotContain("PSQLException", "scheme_versions");
        }
      } finally {
        st.execute("ALTER TABLE scheme_versions_away RENAME TO scheme_versions");
      }
    }
    assertThat(await(API.get("/api/v1/schemes", key).send()).statusCode()).isEqualTo(200);
  }

  @Test
  void whileTheKeyStoreFailsAKnownKeyIsStillHonouredAndAnUnknownOneGets503() throws Exception {
    String known = API.issueKey(COUNTY);
    assertThat(await(API.get("/api/v1/me", known).send()).statusCode()).isEqualTo(200);
    double lookupsBefore = API.metric("liangshai_auth_key_lookups_total");
    try (var c = API.metadata().getConnection();
        var st = c.createStatement()) {
      st.execute("ALTER TABLE api_keys RENAME TO api_keys_away");
      try {
        // Past the positive cache's 5 s, every request of the known key asks the failing store.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
        while (System.nanoTime() < until) {
          var me = await(API.get("/api/v1/me", known).send());
          assertThat(me.statusCode()).as(me.bodyAsString()).isEqualTo(200);
          Thread.sleep(500);
        }
        assertThat(API.metric("liangshai_auth_key_lookups_total"))
            .as("the store was asked again")
            .isGreaterThan(lookupsBefore);
        var unknown = await(API.get("/api/v1/me", "ls_never-issued-" + System.nanoTime()).send());
        assertThat(unknown.statusCode()).as(unknown.bodyAsString()).isEqualTo(503);
        assertThat(unknown.getHeader("Retry-After")).isEqualTo("5");
        assertThat(unknown.bodyAsJsonObject().getString("message")).contains("key store");
      } finally {
        st.execute("ALTER TABLE api_keys_away RENAME TO api_keys");
      }
    }
  }

  @Test
  void a401SaysHowToAuthenticate() throws Exception {
    var none = await(API.request(HttpMethod.GET, "/api/v1/me").send());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer realm=\"liangshai\"");
    var unknown = await(API.get("/api/v1/me", "ls_not-a-key-of-this-platform").send());
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"liangshai\", error=\"invalid_token\"");
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
  }

  @Test
  void everyTenantAndTheCallerNameTheirAncestorsParentFirst() throws Exception {
    Map<String, JsonObject> byCode = new HashMap<>();
    await(API.get("/api/v1/tenants", key).send())
        .bodyAsJsonObject()
        .getJsonArray("rows")
        .forEach(r -> byCode.put(((JsonObject) r).getString("code"), (JsonObject) r));
    JsonObject me = await(API.get("/api/v1/me", key).send()).bodyAsJsonObject();

    assertThat(me.getJsonArray("ancestors").getList()).containsExactly("330500", "330000");
    assertThat(byCode.get(COUNTY).getJsonArray("ancestors").getList())
        .containsExactly("330500", "330000");
    assertThat(byCode.get("330000").getJsonArray("ancestors").getList()).isEmpty();
    assertThat(byCode.values())
        .allSatisfy(
            t ->
                assertThat(
                        t.getJsonArray("ancestors").isEmpty()
                            ? null
                            : t.getJsonArray("ancestors").getString(0))
                    .as("%s: the first ancestor is the parent", t.getString("code"))
                    .isEqualTo(t.getString("parent")));
  }
}
