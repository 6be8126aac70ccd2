package io.liangshai.api;

import static io.liangshai.api.Answers.ok;
import static io.liangshai.api.Answers.status;
import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.SIBLING;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.testing.Eventually;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/cases} and {@code GET /api/v1/batches}: a tenant's own cases and its
 * descendants', filters, paging, and the uploads in scope.
 */
class DrillDownApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  /** A case of the county whose latest version is withdrawn (撤单). */
  private static final String WITHDRAWN = "W-" + COUNTY;

  private static String cityKey;
  private static String countyKey;

  @BeforeAll
  static void start() throws Exception {
    CaseFactsFixture.load(API.warehouse(), API.registry(), List.of(CITY, COUNTY, SIBLING), 4);
    CaseFactsFixture.withdrawn(API.warehouse(), API.registry(), COUNTY, WITHDRAWN);
    cityKey = API.issueKey(CITY);
    countyKey = API.issueKey(COUNTY);
  }

  @Test
  void aCityDrillsDownIntoItselfAndItsCounties() throws Exception {
    JsonObject page = ok(API.get("/api/v1/cases?tenant=" + CITY + "&period=2024-03", cityKey));

    assertThat(page.getLong("total")).isEqualTo(12);
    assertThat(tenants(page.getJsonArray("rows"))).containsExactlyInAnyOrder(CITY, SIBLING, COUNTY);
    JsonObject row = page.getJsonArray("rows").getJsonObject(0);
    assertThat(row.getString("enterprise_name"))
        .isEqualTo(CaseFactsFixture.enterpriseName(row.getString("tenant")));
    assertThat(row.getString("description")).startsWith("描述-");
  }

  @Test
  void aCountySeesOnlyItsOwnCases() throws Exception {
    JsonObject page = ok(API.get("/api/v1/cases?tenant=" + COUNTY + "&period=2024-03", countyKey));

    assertThat(tenants(page.getJsonArray("rows"))).containsExactly(COUNTY);
    assertThat(page.getLong("total")).isEqualTo(4);
  }

  @Test
  void filtersAndPages() throws Exception {
    String base = "/api/v1/cases?tenant=" + COUNTY + "&period=2024-03";
    assertThat(ok(API.get(base + "&status=closed", countyKey)).getLong("total")).isEqualTo(2);
    assertThat(ok(API.get(base + "&category=policy", countyKey)).getLong("total")).isEqualTo(2);
    JsonObject overdue = ok(API.get(base + "&overdue=true", countyKey));
    assertThat(overdue.getLong("total")).isGreaterThanOrEqualTo(1);
    overdue
        .getJsonArray("rows")
        .forEach(r -> assertThat(((JsonObject) r).getBoolean("overdue")).isTrue());
    JsonObject page2 = ok(API.get(base + "&limit=3&offset=3", countyKey));
    assertThat(page2.getJsonArray("rows")).hasSize(1);
    assertThat(page2.getLong("total")).isEqualTo(4);
    assertThat(ok(API.get(base + "&limit=3&offset=30", countyKey)).getLong("total")).isEqualTo(4);
    assertThat(
            ok(API.get("/api/v1/cases?tenant=" + COUNTY + "&period=2024-04", countyKey))
                .getJsonArray("rows"))
        .isEmpty();
  }

  @Test
  void opensOneCaseByItsIdWithinScopeOnly() throws Exception {
    JsonObject city = ok(API.get("/api/v1/cases?tenant=" + CITY + "&period=2024-03", cityKey));
    JsonObject some = null;
    for (Object r : city.getJsonArray("rows")) {
      if (((JsonObject) r).getString("tenant").equals(COUNTY)) {
        some = (JsonObject) r;
      }
    }
    String id = some.getString("case_id");
    String one = "&period=2024-03&case_id=" + id;

    JsonObject opened = ok(API.get("/api/v1/cases?tenant=" + COUNTY + one, countyKey));
    assertThat(opened.getLong("total")).isEqualTo(1);
    assertThat(opened.getJsonArray("rows").getJsonObject(0)).isEqualTo(some);
    assertThat(ok(API.get("/api/v1/cases?tenant=" + CITY + one, cityKey)).getLong("total"))
        .isEqualTo(1);
    // A sibling's scope does not hold it, and a county cannot look into its city's.
    assertThat(ok(API.get("/api/v1/cases?tenant=" + SIBLING + one, cityKey)).getLong("total"))
        .isZero();
    assertThat(status(API.get("/api/v1/cases?tenant=" + CITY + one, countyKey))).isEqualTo(403);
  }

  /**
   * SPEC §10: a flag's evidence opens even when the case was withdrawn since (withdrawal_spike's
   * evidence is withdrawn cases), for its own tenant and its ancestors, and for no one else —
   * exactly as a case that was not withdrawn; the listings still leave it out.
   */
  @Test
  void opensAWithdrawnCaseByItsIdWithinScopeOnly() throws Exception {
    String one = "&period=2024-03&case_id=" + WITHDRAWN;
    JsonObject own = ok(API.get("/api/v1/cases?tenant=" + COUNTY + one, countyKey));
    assertThat(own.getLong("total")).isEqualTo(1);
    JsonObject row = own.getJsonArray("rows").getJsonObject(0);
    assertThat(row.getString("case_id")).isEqualTo(WITHDRAWN);
    assertThat(row.getString("status")).isEqualTo("withdrawn");
    assertThat(row.getString("closed_at")).isNull();
    assertThat(ok(API.get("/api/v1/cases?tenant=" + CITY + one, cityKey)).getJsonArray("rows"))
        .containsExactly(row);
    assertThat(
            ok(API.get("/api/v1/cases?tenant=330000" + one, API.adminKey())).getJsonArray("rows"))
        .containsExactly(row);

    String siblingKey = API.issueKey(SIBLING);
    String open = "&period=2024-03&case_id=C-" + COUNTY + "-1";
    for (String asked : List.of(one, open)) {
      assertThat(ok(API.get("/api/v1/cases?tenant=" + SIBLING + asked, cityKey)).getLong("total"))
          .as("a sibling's scope does not hold %s", asked)
          .isZero();
      assertThat(status(API.get("/api/v1/cases?tenant=" + COUNTY + asked, siblingKey)))
          .isEqualTo(403);
      assertThat(status(API.get("/api/v1/cases?tenant=" + CITY + asked, countyKey))).isEqualTo(403);
    }

    String list = "/api/v1/cases?tenant=" + COUNTY + "&period=2024-03";
    assertThat(ok(API.get(list, countyKey)).getLong("total"))
        .as("a listing leaves the withdrawn case out")
        .isEqualTo(4);
    assertThat(ok(API.get(list + "&status=withdrawn", countyKey)).getJsonArray("rows")).isEmpty();
    assertThat(
            ok(API.get(list + "&status=closed" + "&case_id=" + WITHDRAWN, countyKey))
                .getJsonArray("rows"))
        .as("the other filters still apply to the case asked for")
        .isEmpty();
  }

  @Test
  void refusesBadParameters() throws Exception {
    String base = "/api/v1/cases?tenant=" + COUNTY + "&period=2024-03";
    assertThat(status(API.get(base + "&status=open", countyKey))).isEqualTo(400);
    assertThat(status(API.get(base + "&limit=0", countyKey))).isEqualTo(400);
    assertThat(status(API.get(base + "&limit=1001", countyKey))).isEqualTo(400);
    assertThat(status(API.get(base + "&overdue=yes", countyKey))).isEqualTo(400);
    assertThat(status(API.get("/api/v1/cases?period=2024-03", countyKey))).isEqualTo(400);
    assertThat(status(API.get("/api/v1/cases?tenant=" + SIBLING + "&period=2024-03", countyKey)))
        .isEqualTo(403);
  }

  @Test
  void listsTheBatchesInScope() throws Exception {
    String body =
        "case_id,tenant_code,updated_at,enterprise_uscc,channel,category,received_at,status\n"
            + "X1,"
            + COUNTY
            + ",2024-03-01T10:00:00+08:00,91330000MA27XXXXXX,hotline_12345,policy,"
            + "2024-03-01T09:00:00+08:00,received\n";
    HttpResponse<Buffer> upload = API.upload(countyKey, "text/csv", Buffer.buffer(body));
    String batchId = upload.bodyAsJsonObject().getString("batch_id");

    JsonArray cityRows = poll(() -> ok(API.get("/api/v1/batches", cityKey)).getJsonArray("rows"));
    assertThat(cityRows.getJsonObject(0).getString("batch_id")).isEqualTo(batchId);
    assertThat(cityRows.getJsonObject(0).getString("tenant")).isEqualTo(COUNTY);
    assertThat(ok(API.get("/api/v1/batches?tenant=" + COUNTY, countyKey)).getJsonArray("rows"))
        .hasSize(1);
    assertThat(status(API.get("/api/v1/batches?tenant=" + SIBLING, countyKey))).isEqualTo(403);
    String siblingKey = API.issueKey(SIBLING);
    assertThat(ok(API.get("/api/v1/batches", siblingKey)).getJsonArray("rows")).isEmpty();
  }

  private static JsonArray poll(Callable<JsonArray> read) throws Exception {
    return Eventually.within(Duration.ofSeconds(20), read, rows -> !rows.isEmpty());
  }

  private static Set<String> tenants(JsonArray rows) {
    Set<String> set = new TreeSet<>();
    rows.forEach(r -> set.add(((JsonObject) r).getString("tenant")));
    return set;
  }
}
