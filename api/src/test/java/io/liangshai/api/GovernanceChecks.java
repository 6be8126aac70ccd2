package io.liangshai.api;

import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.OTHER_CITY;
import static io.liangshai.api.TestTenants.OTHER_COUNTY;
import static io.liangshai.api.TestTenants.PROVINCE;
import static io.liangshai.api.TestTenants.SIBLING;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.tenants.Tenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorization checks of the data-governance routes (SPEC §10, §5): a county reads and signs
 * off only itself, a city itself and its counties, the province everyone; a sign-off is withdrawn
 * only by the tenant that made it.
 */
final class GovernanceChecks {

  private static final String MONTH = "2024-01";

  private GovernanceChecks() {}

  static void addTo(Map<String, AuthorizationITCase.Check> checks, ApiTestServer api) {
    for (String route : List.of("reporting", "flags", "signoffs")) {
      checks.put("GET /api/v1/" + route, () -> scopedReads(api, "/api/v1/" + route));
    }
    checks.put("POST /api/v1/signoffs", GovernanceChecks::signing);
    checks.put("DELETE /api/v1/signoffs/:id", GovernanceChecks::withdrawing);
  }

  private static void scopedReads(ApiTestServer api, String path) throws Exception {
    String uri = path + "?period=" + MONTH;
    for (String target : List.of(SIBLING, CITY, OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      AuthorizationITCase.forbidden(AuthorizationITCase.get(uri + "&tenant=" + target, COUNTY));
    }
    for (String target : List.of(OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      AuthorizationITCase.forbidden(AuthorizationITCase.get(uri + "&tenant=" + target, CITY));
    }
    assertTenants(api, AuthorizationITCase.ok(AuthorizationITCase.get(uri, COUNTY)), COUNTY);
    assertTenants(api, AuthorizationITCase.ok(AuthorizationITCase.get(uri, CITY)), CITY);
    assertTenants(
        api,
        AuthorizationITCase.ok(AuthorizationITCase.get(uri + "&tenant=" + OTHER_CITY, PROVINCE)),
        OTHER_CITY);
  }

  /** Only tenants of {@code scope}'s subtree; for reporting and sign-offs every one of them. */
  private static void assertTenants(ApiTestServer api, JsonObject page, String scope) {
    Set<String> subtree =
        api.registry().selfAndDescendants(scope).stream()
            .map(Tenant::code)
            .collect(Collectors.toSet());
    page.getJsonArray("rows")
        .forEach(r -> assertThat(((JsonObject) r).getString("tenant")).isIn(subtree));
  }

  private static HttpResponse<Buffer> sign(String caller, String tenant) throws Exception {
    return Answers.await(
        AuthorizationITCase.post("/api/v1/signoffs", caller)
            .sendJsonObject(new JsonObject().put("tenant", tenant).put("period", MONTH)));
  }

  private static void signing() throws Exception {
    for (String target : List.of(SIBLING, CITY, OTHER_COUNTY, PROVINCE)) {
      AuthorizationITCase.forbidden(sign(COUNTY, target));
    }
    for (String target : List.of(OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      AuthorizationITCase.forbidden(sign(CITY, target));
    }
    assertThat(sign(COUNTY, COUNTY).statusCode()).isEqualTo(201);
    assertThat(sign(CITY, COUNTY).statusCode()).as("an ancestor signs off").isEqualTo(201);
    assertThat(sign(PROVINCE, OTHER_COUNTY).statusCode()).isEqualTo(201);
  }

  private static void withdrawing() throws Exception {
    long own = sign(COUNTY, COUNTY).bodyAsJsonObject().getLong("id");
    String uri = "/api/v1/signoffs/" + own;
    HttpResponse<Buffer> sibling =
        Answers.await(AuthorizationITCase.request(HttpMethod.DELETE, uri, SIBLING).send());
    AuthorizationITCase.assertRefused(sibling, 404, "a sign-off outside the scope is not found");
    AuthorizationITCase.forbidden(
        Answers.await(AuthorizationITCase.request(HttpMethod.DELETE, uri, CITY).send()));
    AuthorizationITCase.forbidden(
        Answers.await(AuthorizationITCase.request(HttpMethod.DELETE, uri, PROVINCE).send()));
    HttpResponse<Buffer> mine =
        Answers.await(AuthorizationITCase.request(HttpMethod.DELETE, uri, COUNTY).send());
    assertThat(mine.statusCode()).as(Answers.describe(mine)).isEqualTo(200);
  }
}
