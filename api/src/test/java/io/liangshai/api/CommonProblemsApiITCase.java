package io.liangshai.api;

import static io.liangshai.api.Answers.ok;
import static io.liangshai.api.Answers.status;
import static io.liangshai.api.TestTenants.CITY;
import static io.liangshai.api.TestTenants.COUNTY;
import static io.liangshai.api.TestTenants.OTHER_COUNTY;
import static io.liangshai.api.TestTenants.PROVINCE;
import static io.liangshai.api.TestTenants.SIBLING;
import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.warehouse.testing.SampleFacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/common-problems} and {@code …/{id}/cases} (SPEC §9) over hand-made case facts
 * in a real ClickHouse: two problems restated in different words across 湖州市 (330500) and its
 * counties, the same financing problem in 杭州市淳安县 (330127), one-off matters, a withdrawn case, and
 * February's cases for {@code previous}. The last test adds a case and sees the groups follow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommonProblemsApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer();

  private static final String[] FINANCE = {
    "企业反映小微企业融资难，银行贷款门槛高",
    "来电称申请银行贷款被拒，融资渠道少，希望帮助",
    "融资成本高，银行贷款要求足额抵押",
    "缺少抵押物，银行不愿贷款，融资困难",
    "企业咨询融资贷款政策，银行授信额度被压缩",
  };
  private static final String[] HIRING = {
    "企业招工难，普工缺口大，招聘跟不上", "旺季用工紧张，招工难，普工招不到", "熟练技工招聘困难，招工渠道有限",
  };

  private static final List<String> CITY_FINANCE = List.of("F-1", "F-2", "F-3", "F-4");
  private static final List<String> CITY_HIRING = List.of("H-1", "H-2", "H-3");

  private static final List<CaseRecord> march = new ArrayList<>();

  private static CaseRecord aCaseOf(
      String tenant, String id, String received, Category category, String text) {
    Instant at = OffsetDateTime.parse(received).toInstant();
    return aCase()
        .tenantCode(tenant)
        .caseId(id)
        .receivedAt(at)
        .updatedAt(at)
        .category(category)
        .status(CaseStatus.IN_PROGRESS)
        .description(text)
        .build();
  }

  @BeforeAll
  static void load() throws Exception {
    String m = "2024-03-05T09:00:00+08:00";
    String f = "2024-02-06T09:00:00+08:00";
    march.add(aCaseOf(COUNTY, "F-1", m, Category.FINANCE, FINANCE[0]));
    march.add(aCaseOf(COUNTY, "F-2", m, Category.FINANCE, FINANCE[1]));
    march.add(aCaseOf(SIBLING, "F-3", m, Category.POLICY, FINANCE[2]));
    march.add(aCaseOf(CITY, "F-4", m, Category.FINANCE, FINANCE[3]));
    march.add(aCaseOf(SIBLING, "H-1", m, Category.TALENT, HIRING[0]));
    march.add(aCaseOf(CITY, "H-2", m, Category.TALENT, HIRING[1]));
    march.add(aCaseOf(COUNTY, "H-3", m, Category.TALENT, HIRING[2]));
    march.add(aCaseOf(COUNTY, "O-1", m, Category.GENERAL, "门前道路井盖破损，已持续两周"));
    march.add(aCaseOf(CITY, "O-2", m, Category.OTHER, "商标被他人抢注，损失约两万元"));
    march.add(
        aCase()
            .tenantCode(COUNTY)
            .caseId("F-WITHDRAWN")
            .receivedAt(OffsetDateTime.parse(m).toInstant())
            .updatedAt(OffsetDateTime.parse(m).toInstant())
            .status(CaseStatus.WITHDRAWN)
            .description(FINANCE[4])
            .build());
    march.add(aCaseOf(OTHER_COUNTY, "X-1", m, Category.FINANCE, FINANCE[0]));
    march.add(aCaseOf(OTHER_COUNTY, "X-2", m, Category.FINANCE, FINANCE[2]));
    march.add(aCaseOf(OTHER_COUNTY, "X-3", m, Category.FINANCE, FINANCE[4]));
    // February: two financing cases and one hiring case in 湖州's scope, one one-off.
    march.add(aCaseOf(COUNTY, "FEB-F1", f, Category.FINANCE, FINANCE[4]));
    march.add(aCaseOf(CITY, "FEB-F2", f, Category.FINANCE, FINANCE[2]));
    march.add(aCaseOf(SIBLING, "FEB-H1", f, Category.TALENT, HIRING[1]));
    march.add(aCaseOf(SIBLING, "FEB-O1", f, Category.GENERAL, "园区路灯夜间不亮，影响出行"));
    SampleFacts.load(API.warehouse(), march, 1);
  }

  private static JsonArray rows(String query, String key) throws Exception {
    return ok(API.get("/api/v1/common-problems?" + query, key)).getJsonArray("rows");
  }

  private static List<String> caseIds(String id, String query, String key) throws Exception {
    List<String> ids = new ArrayList<>();
    ok(API.get("/api/v1/common-problems/" + id + "/cases?" + query, key))
        .getJsonArray("rows")
        .forEach(r -> ids.add(((JsonObject) r).getString("case_id")));
    return ids;
  }

  private static JsonObject groupHolding(JsonArray rows, String query, String key, String caseId)
      throws Exception {
    for (Object r : rows) {
      JsonObject g = (JsonObject) r;
      if (caseIds(g.getString("id"), query, key).contains(caseId)) {
        return g;
      }
    }
    throw new AssertionError("no group holds " + caseId + " in " + rows.encodePrettily());
  }

  @Test
  @Order(1)
  void groupsACitysCasesOfOneProblemAcrossItsCountiesAndNothingElse() throws Exception {
    String q = "period=2024-03&tenant=" + CITY;
    JsonArray rows = rows(q, API.key(CITY));

    assertThat(rows).hasSize(2);
    JsonObject finance = rows.getJsonObject(0);
    assertThat(caseIds(finance.getString("id"), q, API.key(CITY)))
        .containsExactlyInAnyOrderElementsOf(CITY_FINANCE);
    assertThat(finance.getInteger("cases")).isEqualTo(4);
    assertThat(finance.getJsonArray("tenants").getList()).containsExactly(CITY, SIBLING, COUNTY);
    assertThat(finance.getJsonArray("categories").getList()).containsExactly("finance", "policy");
    assertThat(finance.getString("label")).containsAnyOf("融资", "贷款", "银行");
    assertThat(finance.getInteger("previous")).isEqualTo(2);
    JsonObject hiring = rows.getJsonObject(1);
    assertThat(caseIds(hiring.getString("id"), q, API.key(CITY)))
        .containsExactlyInAnyOrderElementsOf(CITY_HIRING);
    assertThat(hiring.getString("label")).containsAnyOf("招工", "招聘", "用工");
    assertThat(hiring.getInteger("previous")).isEqualTo(1);
    // Without tenant: the caller's own scope.
    assertThat(rows("period=2024-03", API.key(CITY))).isEqualTo(rows);
  }

  @Test
  @Order(2)
  void theProvinceSeesTheProblemAcrossCitiesAndACountyTooFewToGroup() throws Exception {
    String q = "period=2024-03";
    JsonArray rows = rows(q, API.key(PROVINCE));

    JsonObject finance = groupHolding(rows, q, API.key(PROVINCE), "F-1");
    Set<String> expected = new TreeSet<>(CITY_FINANCE);
    expected.addAll(List.of("X-1", "X-2", "X-3"));
    assertThat(new TreeSet<>(caseIds(finance.getString("id"), q, API.key(PROVINCE))))
        .isEqualTo(expected);
    assertThat(finance.getJsonArray("tenants").getList()).contains(OTHER_COUNTY, COUNTY);
    // 长兴县 alone: two financing cases (the withdrawn one does not count), one hiring case.
    assertThat(rows("period=2024-03", API.key(COUNTY))).isEmpty();
  }

  @Test
  @Order(3)
  void idsAreStableAndTheCasesRouteKeepsToTheScope() throws Exception {
    String q = "period=2024-03&tenant=" + CITY;
    String id = rows(q, API.key(CITY)).getJsonObject(0).getString("id");
    assertThat(rows(q, API.key(PROVINCE)).getJsonObject(0).getString("id")).isEqualTo(id);

    assertThat(status(API.get("/api/v1/common-problems/" + id + "/cases?" + q, API.key(COUNTY))))
        .isEqualTo(403);
    assertThat(status(API.get("/api/v1/common-problems?" + q, API.key(COUNTY)))).isEqualTo(403);
    assertThat(
            status(API.get("/api/v1/common-problems?period=2024-03&tenant=330127", API.key(CITY))))
        .isEqualTo(403);
    assertThat(
            status(API.get("/api/v1/common-problems/0123456789abcdef/cases?" + q, API.key(CITY))))
        .isEqualTo(404);
    assertThat(status(API.get("/api/v1/common-problems?tenant=" + CITY, API.key(CITY))))
        .isEqualTo(400);
    assertThat(status(API.get("/api/v1/common-problems?period=2024-13", API.key(CITY))))
        .isEqualTo(400);
    assertThat(status(API.get("/api/v1/common-problems?period=2024-03&tenant=33", API.key(CITY))))
        .isEqualTo(400);
    assertThat(
            status(
                API.get("/api/v1/common-problems?period=2024-03&tenant=339999", API.key(PROVINCE))))
        .isEqualTo(404);
  }

  @Test
  @Order(4)
  void followsANewCase() throws Exception {
    String q = "period=2024-03&tenant=" + CITY;
    String before = rows(q, API.key(CITY)).getJsonObject(0).getString("id");
    List<CaseRecord> more = new ArrayList<>(march);
    more.add(aCaseOf(SIBLING, "F-5", "2024-03-20T09:00:00+08:00", Category.FINANCE, FINANCE[4]));
    SampleFacts.load(API.warehouse(), more, 2);

    JsonObject finance = rows(q, API.key(CITY)).getJsonObject(0);

    assertThat(finance.getInteger("cases")).isEqualTo(5);
    assertThat(finance.getString("id")).isNotEqualTo(before);
    assertThat(caseIds(finance.getString("id"), q, API.key(CITY))).contains("F-5");
    assertThat(status(API.get("/api/v1/common-problems/" + before + "/cases?" + q, API.key(CITY))))
        .isEqualTo(404);
  }
}
