package io.liangshai.api;

import static io.liangshai.api.AuthorizationITCase.forbidden;
import static io.liangshai.api.AuthorizationITCase.get;
import static io.liangshai.api.AuthorizationITCase.ok;
import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.OTHER_CITY;
import static io.liangshai.api.TestTenants.OTHER_COUNTY;
import static io.liangshai.api.TestTenants.PROVINCE;
import static io.liangshai.api.TestTenants.SIBLING;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization checks of the common problems' routes (SPEC §9): groups are computed over the
 * scope asked for, which must be the caller's; a group's tenants and its cases never leave it.
 * {@link CaseFactsFixture}'s descriptions all state one problem, so each scope's cases form one
 * group.
 */
final class CommonProblemChecks {

  private static final String Q = "period=" + CaseFactsFixture.PERIOD;

  private CommonProblemChecks() {}

  static void addTo(Map<String, AuthorizationITCase.Check> checks) {
    checks.put("GET /api/v1/common-problems", CommonProblemChecks::list);
    checks.put("GET /api/v1/common-problems/:id/cases", CommonProblemChecks::cases);
  }

  private static void list() throws Exception {
    for (String target : List.of(SIBLING, CITY, OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      forbidden(get("/api/v1/common-problems?tenant=" + target + "&" + Q, COUNTY));
    }
    for (String target : List.of(OTHER_COUNTY, OTHER_CITY, PROVINCE)) {
      forbidden(get("/api/v1/common-problems?tenant=" + target + "&" + Q, CITY));
    }
    assertGroupsWithin("?" + Q, COUNTY, Set.of(COUNTY));
    assertGroupsWithin("?" + Q, CITY, Set.of(CITY, COUNTY, SIBLING));
    assertGroupsWithin(
        "?tenant=" + OTHER_CITY + "&" + Q, PROVINCE, Set.of(OTHER_CITY, OTHER_COUNTY));
  }

  private static void cases() throws Exception {
    String cityGroup = firstGroup("?" + Q, CITY);
    for (String caller : List.of(COUNTY, SIBLING, OTHER_CITY, OTHER_COUNTY)) {
      forbidden(
          get("/api/v1/common-problems/" + cityGroup + "/cases?tenant=" + CITY + "&" + Q, caller));
    }
    for (String caller : List.of(CITY, PROVINCE)) {
      JsonObject page =
          ok(
              get(
                  "/api/v1/common-problems/" + cityGroup + "/cases?tenant=" + CITY + "&" + Q,
                  caller));
      assertThat(page.getJsonArray("rows")).isNotEmpty();
      page.getJsonArray("rows")
          .forEach(
              r -> assertThat(((JsonObject) r).getString("tenant")).isIn(CITY, COUNTY, SIBLING));
    }
  }

  private static String firstGroup(String query, String caller) throws Exception {
    return ok(get("/api/v1/common-problems" + query, caller))
        .getJsonArray("rows")
        .getJsonObject(0)
        .getString("id");
  }

  private static void assertGroupsWithin(String query, String caller, Set<String> scope)
      throws Exception {
    var rows = ok(get("/api/v1/common-problems" + query, caller)).getJsonArray("rows");
    assertThat(rows).as(caller + " " + query).isNotEmpty();
    for (Object r : rows) {
      assertThat(((JsonObject) r).getJsonArray("tenants").getList()).isSubsetOf(scope);
    }
  }
}
