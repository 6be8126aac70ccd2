package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The authorization checks of the reported values' routes (SPEC §7): every key reads the template;
 * a key reports values for its tenant and descendants only, a row for any other tenant a row error
 * ({@code tenant.out_of_scope}) and nothing kept of it, as for cases.
 */
final class IndicatorValueChecks {

  private static final String INDICATOR = "authorization_reported";

  private IndicatorValueChecks() {}

  static void addTo(Map<String, AuthorizationITCase.Check> checks, ApiTestServer api) {
    checks.put(
        "GET /api/v1/templates/indicator-values.xlsx",
        () -> AuthorizationITCase.template("/api/v1/templates/indicator-values.xlsx"));
    checks.put("POST /api/v1/indicator-values", () -> uploads(new IndicatorValueRows(api)));
  }

  private static void uploads(IndicatorValueRows rows) throws Exception {
    rows.define(INDICATOR, "授权检查指标", "higher_better");
    for (String[] pair : AuthorizationITCase.INTRUSIONS) {
      JsonObject r = upload(rows, pair[0], pair[1]);
      assertThat(r.getInteger("accepted")).as(pair[0] + " → " + pair[1]).isZero();
      assertThat(r.getInteger("rejected")).isEqualTo(1);
      assertThat(r.getJsonArray("errors").getJsonObject(0).getString("code"))
          .isEqualTo("tenant.out_of_scope");
    }
    String county = TestTenants.COUNTY;
    assertThat(upload(rows, TestTenants.CITY, county).getInteger("accepted")).isEqualTo(1);
    assertThat(upload(rows, county, county).getInteger("accepted")).isEqualTo(1);
  }

  private static JsonObject upload(IndicatorValueRows rows, String caller, String tenant)
      throws Exception {
    JsonArray body =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("indicator", INDICATOR)
                    .put("tenant_code", tenant)
                    .put("period", "2024-01")
                    .put("numerator", caller.equals(tenant) ? 2 : 1)
                    .put("denominator", 4));
    return rows.upload(AuthorizationITCase.keyOf(caller), "application/json", body.toBuffer());
  }
}
