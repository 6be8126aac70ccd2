package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization checks of the bulletin routes (SPEC §1, §5): published bulletins are readable
 * by every tenant and never carry enterprise names or descriptions; publishing and every other
 * write is the province's. Applied to whatever {@code /api/v1/bulletins…} routes the router has; a
 * bulletin route that needs a finer check can replace its entry here.
 */
final class BulletinChecks {

  private BulletinChecks() {}

  static void addTo(Map<String, AuthorizationITCase.Check> checks, Set<String> routes) {
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      if (!parts[1].startsWith("/api/v1/bulletins") || checks.containsKey(route)) {
        continue;
      }
      HttpMethod method = HttpMethod.valueOf(parts[0]);
      String uri = parts[1].replaceAll(":[a-z_]+", "b_unknown");
      checks.put(
          route, method == HttpMethod.GET ? () -> readable(uri) : () -> provinceOnly(method, uri));
    }
  }

  private static void readable(String uri) throws Exception {
    for (String t : AuthorizationITCase.TENANTS) {
      HttpResponse<Buffer> r = Answers.await(AuthorizationITCase.get(uri, t).send());
      assertThat(r.statusCode()).as(uri + " for " + t + ": " + Answers.describe(r)).isIn(200, 404);
      assertThat(r.bodyAsString()).doesNotContain("企业-", "描述-");
    }
  }

  private static void provinceOnly(HttpMethod method, String uri) throws Exception {
    for (String t : List.of(TestTenants.COUNTY, TestTenants.CITY)) {
      AuthorizationITCase.forbidden(
          Answers.await(
              AuthorizationITCase.request(method, uri, t)
                  .sendJsonObject(
                      new JsonObject()
                          .put("period", "2024-01")
                          .put("group", "counties")
                          .put("scheme", "standard"))));
    }
  }
}
