package io.liangshai.api;

import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.Answers.ok;
import static io.liangshai.api.Answers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReferenceEvaluator;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.IndicatorValuesTable;
import io.liangshai.warehouse.testing.SampleFacts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §7 indicators through HTTP on a real ClickHouse (the sample feed's {@code case_facts} and
 * counts) and PostgreSQL (the definitions): defined after the data is in, every tenant's value for
 * every month and quarter in {@code /api/v1/metrics} equals core's {@link ReferenceEvaluator} over
 * the sample rows; targets with {@code met}; versions, retirement, 400s naming the field and the
 * province's sole right to define. Ordered: the last test changes the built-in target.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  private static final JsonObject RATIO =
      new JsonObject()
          .put("code", "project_policy_resolution")
          .put("name", "项目政策类办结率")
          .put("kind", "case_ratio")
          .put("direction", "higher_better")
          .put("target", 0.8)
          .put(
              "denominator",
              new JsonObject().put("category", new JsonArray().add("project").add("policy")))
          .put("numerator", new JsonObject().put("closed", true));

  private static final JsonObject MEAN =
      new JsonObject()
          .put("code", "escalated_days")
          .put("name", "升级件平均办理时长")
          .put("kind", "case_mean_days")
          .put("direction", "lower_better")
          .put(
              "filter",
              new JsonObject()
                  .put("escalation_level", new JsonArray().add("city").add("province")));

  private static List<CaseRecord> records;

  @BeforeAll
  static void loadFacts() throws Exception {
    records = SampleFeed.validRecords();
    SampleFacts.load(API.warehouse(), records, 1);
  }

  @Test
  @Order(1)
  void indicatorsDefinedAfterTheDataEqualTheReferenceForEveryTenantMonthAndQuarter()
      throws Exception {
    assertThat(define(RATIO).getInteger("version")).isEqualTo(1);
    assertThat(define(MEAN).getInteger("version")).isEqualTo(1);
    List<IndicatorDefinition> definitions = List.of(parse(RATIO), parse(MEAN));
    SortedMap<Period, SortedMap<String, Map<String, IndicatorValue>>> expected =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(records.stream(), definitions, List.of(PeriodKind.MONTH, PeriodKind.QUARTER));

    int compared = 0;
    for (Map.Entry<Period, SortedMap<String, Map<String, IndicatorValue>>> period :
        expected.entrySet()) {
      for (JsonObject row : metricsRows(period.getKey())) {
        Map<String, IndicatorValue> want = period.getValue().get(row.getString("tenant"));
        String where = period.getKey() + " " + row.getString("tenant");
        JsonObject ratio = row.getJsonObject("indicators").getJsonObject(RATIO.getString("code"));
        IndicatorValue n = want.get(RATIO.getString("code"));
        assertThat(ratio.getLong("numerator")).as(where).isEqualTo(n.numerator());
        assertThat(ratio.getLong("denominator")).as(where).isEqualTo(n.denominator());
        assertThat(ratio.getValue("value")).as(where).isEqualTo(n.value());
        JsonObject mean = row.getJsonObject("indicators").getJsonObject(MEAN.getString("code"));
        IndicatorValue m = want.get(MEAN.getString("code"));
        assertThat(mean.getLong("cases")).as(where).isEqualTo(m.cases());
        assertSameDecimal(decimal(mean.getValue("value")), m.decimal(), where);
        assertThat(row.getJsonObject("indicators").fieldNames())
            .as("built-ins stay where §3 puts them")
            .doesNotContain("resolution_rate", "overdue_rate");
        JsonObject targets = row.getJsonObject("targets");
        assertThat(targets.getJsonObject(RATIO.getString("code")).getBoolean("met"))
            .as(where)
            .isEqualTo(n.met(new BigDecimal("0.8"), parse(RATIO).direction()));
        assertThat(targets.fieldNames()).doesNotContain(MEAN.getString("code"));
        assertResolutionTarget(row, new BigDecimal("0.9"));
        compared++;
      }
    }
    assertThat(compared)
        .as("every tenant of every period, counties, cities and the province")
        .isEqualTo(expected.values().stream().mapToInt(Map::size).sum());
    assertThat(expected.values())
        .as("the sample feed gives the two indicators something to count")
        .anySatisfy(
            byTenant -> {
              Map<String, IndicatorValue> province = byTenant.get(ZhejiangTenants.PROVINCE);
              assertThat(province.get(RATIO.getString("code")).denominator()).isPositive();
              assertThat(province.get(MEAN.getString("code")).cases()).isPositive();
            });
  }

  @Test
  @Order(2)
  void theSameCodeAgainIsANewVersionAndARetiredOneDisappears() throws Exception {
    JsonObject temp = RATIO.copy().put("code", "temporary_ratio");
    temp.remove("target");
    assertThat(define(temp).getInteger("version")).isEqualTo(1);
    assertThat(define(temp.copy().put("name", "改名")).getInteger("version")).isEqualTo(2);
    JsonObject listed = listed("temporary_ratio");
    assertThat(listed.getInteger("current_version")).isEqualTo(2);
    assertThat(listed.getString("name")).isEqualTo("改名");
    assertThat(listed.getJsonArray("versions")).hasSize(2);
    assertThat(row("2024-01").getJsonObject("indicators").fieldNames()).contains("temporary_ratio");

    JsonObject retired = ok(API.post("/api/v1/indicators/temporary_ratio/retire", API.adminKey()));

    assertThat(retired.getBoolean("retired")).isTrue();
    assertThat(retired.getValue("current_version")).isNull();
    assertThat(row("2024-01").getJsonObject("indicators").fieldNames())
        .doesNotContain("temporary_ratio")
        .contains(RATIO.getString("code"));
    assertThat(listed("temporary_ratio").getBoolean("retired")).isTrue();
    assertThat(
            send(API.post("/api/v1/indicators/never_defined/retire", API.adminKey())).statusCode())
        .isEqualTo(404);
    assertThat(
            send(API.post("/api/v1/indicators/resolution_rate/retire", API.adminKey()))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  @Order(3)
  void badDefinitionsAre400NamingTheField() throws Exception {
    assertRejected(
        RATIO.copy().put("numerator", new JsonObject().put("colour", true)),
        "numerator.colour",
        "field.unknown");
    assertRejected(
        RATIO
            .copy()
            .put("denominator", new JsonObject().put("category", new JsonArray().add("nope"))),
        "denominator.category[0]",
        "enum.unknown_value");
    assertRejected(RATIO.copy().put("kind", "case_sum"), "kind", "enum.unknown_value");
    assertRejected(RATIO.copy().put("shape", "round"), "shape", "field.unknown");
    assertRejected(
        new JsonObject()
            .put("code", "resolution_rate")
            .put("name", "办结率")
            .put("direction", "lower_better"),
        "code",
        "indicator.built_in_fixed");
  }

  @Test
  @Order(4)
  void onlyTheProvinceDefinesAndEveryKeyReads() throws Exception {
    String county = API.key("330522");
    HttpResponse<Buffer> refused =
        Answers.await(
            API.post("/api/v1/indicators", county)
                .sendJsonObject(RATIO.copy().put("code", "county_made")));
    assertThat(refused.statusCode()).as(describe(refused)).isEqualTo(403);
    JsonArray rows = ok(API.get("/api/v1/indicators", county)).getJsonArray("rows");
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("code")))
        .startsWith("resolution_rate", "overdue_rate", "recurrence_rate", "satisfaction_rate")
        .contains(RATIO.getString("code"))
        .doesNotContain("county_made");
  }

  @Test
  @Order(5)
  void theProvinceChangesTheBuiltInTarget() throws Exception {
    JsonObject created =
        define(
            new JsonObject()
                .put("code", "resolution_rate")
                .put("name", "问题办结率")
                .put("target", 0.95));
    assertThat(created.getInteger("version")).isEqualTo(1);
    assertThat(listed("resolution_rate").getString("name")).isEqualTo("问题办结率");
    for (JsonObject row : metricsRows(Period.parse("2024-Q1"))) {
      assertResolutionTarget(row, new BigDecimal("0.95"));
    }
  }

  @Test
  @Order(6)
  void aReportedIndicatorRollsUpItsUploadsIntoTheRows() throws Exception {
    define(
        new JsonObject()
            .put("code", "policy_payout")
            .put("name", "政策兑现率")
            .put("kind", "reported")
            .put("direction", "higher_better")
            .put("target", 0.5));
    Period january = Period.parse("2024-01");
    new IndicatorValuesTable(API.warehouse())
        .insert(
            List.of(
                new ReportedRow("policy_payout", "330521", january, ReportedValue.fraction(3, 4)),
                new ReportedRow("policy_payout", "330522", january, ReportedValue.fraction(1, 4))),
            "batch-reported",
            Instant.parse("2024-02-01T00:00:00Z"),
            1);

    // 湖州市 has no upload of its own: the sum of its counties' (3 + 1) / (4 + 4)
    assertReported("2024-01", "330500", 4L, 8L, 0.5, true);
    assertReported("2024-Q1", "330521", 3L, 4L, 0.75, true);
    assertReported("2024-01", "330523", null, null, null, null);
    assertReported("2024-W02", "330521", null, null, null, null);
  }

  private static void assertReported(
      String period, String tenant, Long n, Long d, Double value, Boolean met) throws Exception {
    JsonObject row =
        ok(API.get("/api/v1/metrics?period=" + period + "&tenant=" + tenant, API.adminKey()));
    String where = period + " " + tenant;
    JsonObject v = row.getJsonObject("indicators").getJsonObject("policy_payout");
    assertThat(v.getLong("numerator")).as(where).isEqualTo(n);
    assertThat(v.getLong("denominator")).as(where).isEqualTo(d);
    assertThat(v.getDouble("value")).as(where).isEqualTo(value);
    assertThat(row.getJsonObject("targets").getJsonObject("policy_payout").getBoolean("met"))
        .as(where)
        .isEqualTo(met);
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** resolution_rate's target and {@code met} from the row's own §3 counts. */
  private static void assertResolutionTarget(JsonObject row, BigDecimal target) {
    JsonObject t = row.getJsonObject("targets").getJsonObject("resolution_rate");
    long received = row.getLong("received");
    long closed = row.getLong("closed");
    assertThat(decimal(t.getValue("target"))).isEqualByComparingTo(target);
    Boolean met =
        received == 0
            ? null
            : BigDecimal.valueOf(closed).compareTo(target.multiply(BigDecimal.valueOf(received)))
                >= 0;
    assertThat(t.getBoolean("met")).as(row.getString("tenant")).isEqualTo(met);
  }

  private static JsonObject define(JsonObject body) throws Exception {
    HttpResponse<Buffer> r =
        Answers.await(API.post("/api/v1/indicators", API.adminKey()).sendJsonObject(body));
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  private static void assertRejected(JsonObject body, String field, String code) throws Exception {
    HttpResponse<Buffer> r =
        Answers.await(API.post("/api/v1/indicators", API.adminKey()).sendJsonObject(body));
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(400);
    JsonArray errors = r.bodyAsJsonObject().getJsonArray("errors");
    assertThat(
            errors.stream()
                .map(
                    e ->
                        ((JsonObject) e).getString("field")
                            + " "
                            + ((JsonObject) e).getString("code")))
        .as(describe(r))
        .contains(field + " " + code);
  }

  private static IndicatorDefinition parse(JsonObject json) {
    // as the server reads a body: nested objects and arrays as plain maps and lists
    IndicatorDefinitionParser.Result parsed =
        IndicatorDefinitionParser.parse(new JsonObject(json.encode()).getMap());
    assertThat(parsed.errors()).isEmpty();
    return parsed.definition();
  }

  private static JsonObject listed(String code) throws Exception {
    return ok(API.get("/api/v1/indicators", API.adminKey())).getJsonArray("rows").stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getString("code").equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " is not listed"));
  }

  private static JsonObject row(String period) throws Exception {
    return ok(API.get("/api/v1/metrics?period=" + period + "&tenant=330000", API.adminKey()));
  }

  /** Every county's, every city's and the province's row of {@code period}. */
  private static List<JsonObject> metricsRows(Period period) throws Exception {
    List<JsonObject> rows = new ArrayList<>();
    for (String level : List.of("county", "city")) {
      ok(API.get("/api/v1/metrics?period=" + period + "&level=" + level, API.adminKey()))
          .getJsonArray("rows")
          .forEach(r -> rows.add((JsonObject) r));
    }
    rows.add(row(period.toString()));
    return rows;
  }

  private static void assertSameDecimal(BigDecimal actual, BigDecimal expected, String where) {
    if (expected == null) {
      assertThat(actual).as(where).isNull();
    } else {
      assertThat(actual).as(where).isEqualByComparingTo(expected);
    }
  }

  private static BigDecimal decimal(Object json) {
    return json == null ? null : new BigDecimal(json.toString());
  }
}
