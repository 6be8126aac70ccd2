package io.liangshai.api;

import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.Answers.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReferenceEvaluator;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.FunnelPlot;
import io.liangshai.core.ranking.FunnelSignal;
import io.liangshai.core.ranking.Interval;
import io.liangshai.core.ranking.Wilson;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheme over a built-in rate, a {@code case_ratio}, a {@code case_mean_days} and a {@code
 * reported} indicator (SPEC §7) through HTTP on a real ClickHouse (the sample feed's {@code
 * case_facts} and counts, reported values written to {@code indicator_values}) and PostgreSQL (the
 * definitions and the scheme): the league table equals a reference computed here from core's {@link
 * ReferenceEvaluator} values and the SPEC §4 steps written out again; each row carries the Wilson
 * interval and funnel signal of every ratio, a bootstrap interval and no funnel signal for the
 * mean, and {@code targets} with {@code met}.
 */
class SchemeIndicatorsApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  private static final String PERIOD = "2024-01";
  private static final String GROUP = "counties";
  private static final String RATIO = "hotline_satisfaction";
  private static final String MEAN = "handling_days";
  private static final String REPORTED = "policy_payout";
  private static final String BUILT_IN = "resolution_rate";

  private static final JsonObject RATIO_DEFINITION =
      new JsonObject()
          .put("code", RATIO)
          .put("name", "热线满意率")
          .put("kind", "case_ratio")
          .put("direction", "higher_better")
          .put("target", 0.8)
          .put(
              "denominator",
              new JsonObject()
                  .put("channel", new JsonArray().add("hotline_12345"))
                  .put("rated", true))
          .put(
              "numerator",
              new JsonObject()
                  .put("satisfaction", new JsonArray().add("very_satisfied").add("satisfied")));

  private static final JsonObject MEAN_DEFINITION =
      new JsonObject()
          .put("code", MEAN)
          .put("name", "平均办理时长")
          .put("kind", "case_mean_days")
          .put("direction", "lower_better")
          .put("target", 5)
          .put("filter", new JsonObject());

  private static final JsonObject REPORTED_DEFINITION =
      new JsonObject()
          .put("code", REPORTED)
          .put("name", "政策兑现率")
          .put("kind", "reported")
          .put("direction", "higher_better");

  /** code → weight, in scheme order. */
  private static final Map<String, Double> WEIGHTS =
      Map.of(BUILT_IN, 0.4, RATIO, 0.3, MEAN, 0.2, REPORTED, 0.1);

  private static final List<String> ORDER = List.of(BUILT_IN, RATIO, MEAN, REPORTED);

  private static List<CaseRecord> records;
  private static final Map<String, IndicatorValue> reported = new HashMap<>();

  @BeforeAll
  static void loadFactsDefinitionsAndScheme() throws Exception {
    records = SampleFeed.validRecords();
    SampleFacts.load(API.warehouse(), records, 1);
    for (JsonObject d : List.of(RATIO_DEFINITION, MEAN_DEFINITION, REPORTED_DEFINITION)) {
      created(API.post("/api/v1/indicators", API.adminKey()).sendJsonObject(d));
    }
    List<ReportedRow> rows = new ArrayList<>();
    for (String tenant : ZhejiangTenants.codes()) {
      int code = Integer.parseInt(tenant);
      if (code % 7 == 0) {
        continue; // some tenants report nothing: their value is null, their score 0
      }
      long denominator = 10 + code % 5;
      long numerator = code % 11 % (denominator + 1);
      rows.add(
          new ReportedRow(
              REPORTED,
              tenant,
              Period.parse(PERIOD),
              ReportedValue.fraction(numerator, denominator)));
      reported.put(tenant, IndicatorValue.ratio(numerator, denominator));
    }
    new IndicatorValuesTable(API.warehouse())
        .insert(rows, "batch-scheme-reported", Instant.parse("2024-02-01T00:00:00Z"), 1);
    created(API.post("/api/v1/schemes", API.adminKey()).sendJsonObject(scheme("eight_x")));
  }

  @Test
  void theLeagueTableOfAMixedSchemeEqualsTheReference() throws Exception {
    JsonObject table = rankings();
    Map<String, Map<String, IndicatorValue>> values = referenceValues();
    List<JsonObject> rows = rows(table);
    assertThat(rows).hasSizeGreaterThan(3);

    List<JsonObject> eligible = new ArrayList<>();
    for (JsonObject row : rows) {
      long received = values.get(row.getString("tenant")).get(BUILT_IN).denominator();
      assertThat(row.getBoolean("eligible")).as(row.getString("tenant")).isEqualTo(received >= 20);
      if (received >= 20) {
        eligible.add(row);
      }
    }
    assertThat(eligible).as("the sample feed ranks several counties").hasSizeGreaterThan(2);
    Map<String, BigDecimal> scores = referenceScores(eligible, values);
    for (JsonObject row : eligible) {
      String tenant = row.getString("tenant");
      assertThat(decimal(row.getValue("score")))
          .as(tenant)
          .isEqualByComparingTo(scores.get(tenant));
      long better =
          scores.values().stream().filter(s -> s.compareTo(scores.get(tenant)) > 0).count();
      assertThat(row.getInteger("rank")).as(tenant).isEqualTo((int) better + 1);
      assertThat(row.getJsonObject("scores").fieldNames()).containsExactlyElementsOf(ORDER);
      assertThat(row.getJsonArray("rank_interval")).as(tenant).hasSize(2);
    }

    Map<String, Double> pooled = pooled(eligible, values);
    for (JsonObject row : rows) {
      String tenant = row.getString("tenant");
      Map<String, IndicatorValue> want = values.get(tenant);
      JsonObject rates = row.getJsonObject("rates");
      for (String code : List.of(RATIO, REPORTED)) {
        assertRatio(
            tenant + " " + code, rates.getJsonObject(code), want.get(code), pooled.get(code));
      }
      assertMean(tenant, rates.getJsonObject(MEAN), want.get(MEAN));
      assertTargets(tenant, row.getJsonObject("targets"), want);
    }
    for (String code : List.of(RATIO, REPORTED)) {
      assertThat(eligible)
          .as("the sample gives %s funnel signals", code)
          .anySatisfy(r -> assertThat(rate(r, code).getString("funnel")).isNotNull());
    }
    assertThat(eligible)
        .as("the sample gives the mean bootstrap intervals")
        .anySatisfy(r -> assertThat(rate(r, MEAN).getJsonArray("bootstrap")).isNotNull());
    assertThat(table.getJsonObject("pooled_rates").getDouble(RATIO)).isEqualTo(pooled.get(RATIO));
    assertThat(table.getJsonObject("pooled_rates").fieldNames()).doesNotContain(MEAN);
  }

  @Test
  void theBootstrapIntervalsAreTheSameOnEveryRequest() throws Exception {
    assertThat(rankings().getJsonArray("rows")).isEqualTo(rankings().getJsonArray("rows"));
  }

  @Test
  void aSchemeOverAnUnknownOrRetiredCodeOrAgainstTheIndicatorsDirectionIs400() throws Exception {
    created(
        API.post("/api/v1/indicators", API.adminKey())
            .sendJsonObject(RATIO_DEFINITION.copy().put("code", "short_lived").put("target", 0.5)));
    Answers.ok(API.post("/api/v1/indicators/short_lived/retire", API.adminKey()));

    assertRejected(
        withIndicator("never_defined", "higher_better"),
        "indicators[1].rate: must be a built-in rate or an indicator code in force");
    assertRejected(
        withIndicator("short_lived", "higher_better"),
        "indicators[1].rate: short_lived is retired");
    assertRejected(
        withIndicator(MEAN, "higher_better"),
        "indicators[1].direction: of handling_days must be lower_better");
    JsonObject goalposts = scheme("wide_goalposts").put("normalisation", "target");
    for (Object i : goalposts.getJsonArray("indicators")) {
      ((JsonObject) i).put("goalposts", new JsonObject().put("lower", 0).put("upper", 0.9));
    }
    goalposts
        .getJsonArray("indicators")
        .getJsonObject(1)
        .put("goalposts", new JsonObject().put("lower", 0).put("upper", 30));
    assertRejected(
        goalposts, "indicators[1].goalposts.upper: must be a rate from 0 to 1, was 30.0");
  }

  @Test
  void aPreviewRanksUnderADraftIndicatorWithoutStoringIt() throws Exception {
    JsonObject draft =
        new JsonObject()
            .put("code", "draft_policy_closed")
            .put("name", "政策类办结率（草稿）")
            .put("kind", "case_ratio")
            .put("direction", "higher_better")
            .put("target", 0.5)
            .put("denominator", new JsonObject().put("category", new JsonArray().add("policy")))
            .put("numerator", new JsonObject().put("closed", true));
    JsonObject scheme =
        new JsonObject()
            .put(
                "indicators",
                new JsonArray()
                    .add(weighted(BUILT_IN, 0.5, "higher_better"))
                    .add(weighted("draft_policy_closed", 0.5, "higher_better")));
    HttpResponse<Buffer> answer = preview(scheme, draft);
    assertThat(answer.statusCode()).as(describe(answer)).isEqualTo(200);
    JsonObject table = answer.bodyAsJsonObject();
    assertThat(table.getBoolean("preview")).isTrue();
    Map<String, Map<String, IndicatorValue>> want =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(records.stream(), List.of(parse(draft)), List.of(PeriodKind.MONTH))
            .get(Period.parse(PERIOD));
    List<JsonObject> rows = rows(table);
    assertThat(rows).hasSizeGreaterThan(3);
    for (JsonObject row : rows) {
      String tenant = row.getString("tenant");
      IndicatorValue value = want.get(tenant).get("draft_policy_closed");
      JsonObject detail = rate(row, "draft_policy_closed");
      if (!value.isRatio()) {
        assertThat(detail.getValue("value")).as(tenant).isNull();
        continue;
      }
      assertThat(detail.getLong("numerator")).as(tenant).isEqualTo(value.numerator());
      assertThat(detail.getLong("denominator")).as(tenant).isEqualTo(value.denominator());
      assertThat(
              row.getJsonObject("targets").getJsonObject("draft_policy_closed").getBoolean("met"))
          .as(tenant)
          .isEqualTo(value.met(new BigDecimal("0.5"), Direction.HIGHER_BETTER));
    }
    assertThat(ok(API.get("/api/v1/indicators", API.adminKey())).getJsonArray("rows").encode())
        .as("a preview stores no draft")
        .doesNotContain("draft_policy_closed");

    JsonObject badKey = draft.copy().put("denominator", new JsonObject().put("colour", true));
    HttpResponse<Buffer> bad = preview(scheme, badKey);
    assertThat(bad.statusCode()).as(describe(bad)).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("field")).startsWith("indicators[0].denominator");
    assertThat(bad.bodyAsJsonObject().getString("message")).contains("colour");
  }

  /**
   * {@code POST /api/v1/rankings/preview} of {@link #GROUP} in {@link #PERIOD} under {@code
   * scheme}, with {@code draft} the one draft indicator.
   */
  private static HttpResponse<Buffer> preview(JsonObject scheme, JsonObject draft)
      throws Exception {
    return Answers.await(
        API.post("/api/v1/rankings/preview", API.adminKey())
            .sendJsonObject(
                new JsonObject()
                    .put("period", PERIOD)
                    .put("group", GROUP)
                    .put("scheme", scheme)
                    .put("indicators", new JsonArray().add(draft))));
  }

  // --- the reference ---------------------------------------------------------------------------

  /** tenant → code → value, from core's reference evaluator and the values written above. */
  private static Map<String, Map<String, IndicatorValue>> referenceValues() {
    List<IndicatorDefinition> definitions =
        List.of(
            BuiltInIndicators.byCode(BUILT_IN).orElseThrow(),
            parse(RATIO_DEFINITION),
            parse(MEAN_DEFINITION));
    Map<String, Map<String, IndicatorValue>> byTenant =
        new HashMap<>(
            new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
                .compute(records.stream(), definitions, List.of(PeriodKind.MONTH))
                .get(Period.parse(PERIOD)));
    byTenant.replaceAll(
        (tenant, values) -> {
          Map<String, IndicatorValue> all = new HashMap<>(values);
          all.put(REPORTED, reported.getOrDefault(tenant, IndicatorValue.NONE));
          return all;
        });
    return byTenant;
  }

  /** SPEC §4 steps 2–3 over the eligible rows: min-max, a missing value 0, Σ wᵢ·sᵢ / Σ wᵢ. */
  private static Map<String, BigDecimal> referenceScores(
      List<JsonObject> eligible, Map<String, Map<String, IndicatorValue>> values) {
    Map<String, Double> sums = new HashMap<>();
    double totalWeight = 0;
    for (String code : ORDER) {
      totalWeight += WEIGHTS.get(code);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (JsonObject row : eligible) {
        Double x = asDouble(values.get(row.getString("tenant")).get(code));
        if (x != null) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      boolean higherBetter = !code.equals(MEAN);
      for (JsonObject row : eligible) {
        String tenant = row.getString("tenant");
        Double x = asDouble(values.get(tenant).get(code));
        double s;
        if (x == null) {
          s = 0;
        } else if (min == max) {
          s = 100;
        } else {
          s = higherBetter ? 100 * (x - min) / (max - min) : 100 * (max - x) / (max - min);
        }
        sums.merge(tenant, WEIGHTS.get(code) * s, Double::sum);
      }
    }
    Map<String, BigDecimal> scores = new HashMap<>();
    double w = totalWeight;
    sums.forEach(
        (tenant, sum) ->
            scores.put(tenant, new BigDecimal(sum / w).setScale(2, RoundingMode.HALF_UP)));
    return scores;
  }

  /** Σ numerators / Σ denominators of each ratio over the eligible tenants. */
  private static Map<String, Double> pooled(
      List<JsonObject> eligible, Map<String, Map<String, IndicatorValue>> values) {
    Map<String, Double> pooled = new HashMap<>();
    for (String code : List.of(RATIO, REPORTED)) {
      long x = 0;
      long n = 0;
      for (JsonObject row : eligible) {
        IndicatorValue v = values.get(row.getString("tenant")).get(code);
        if (v.isRatio()) {
          x += v.numerator();
          n += v.denominator();
        }
      }
      pooled.put(code, n == 0 ? null : (double) x / n);
    }
    return pooled;
  }

  private static Double asDouble(IndicatorValue value) {
    Number v = value.value();
    return v == null ? null : v.doubleValue();
  }

  // --- the checks ------------------------------------------------------------------------------

  private static void assertRatio(String where, JsonObject json, IndicatorValue want, Double p0) {
    if (!want.isRatio()) {
      assertThat(json.getValue("value")).as(where).isNull();
      assertThat(json.getValue("funnel")).as(where).isNull();
      return;
    }
    long x = want.numerator();
    long n = want.denominator();
    assertThat(json.getLong("numerator")).as(where).isEqualTo(x);
    assertThat(json.getLong("denominator")).as(where).isEqualTo(n);
    assertThat(json.getValue("value")).as(where).isEqualTo(want.value());
    Interval wilson = Wilson.interval95(x, n);
    assertThat(json.getJsonArray("wilson"))
        .as(where)
        .isEqualTo(wilson == null ? null : new JsonArray().add(wilson.lower()).add(wilson.upper()));
    Direction direction = Direction.HIGHER_BETTER;
    FunnelSignal funnel = FunnelPlot.signal(x, n, p0, direction);
    assertThat(json.getString("funnel"))
        .as(where)
        .isEqualTo(funnel == null ? null : funnel.wireName());
  }

  private static void assertMean(String where, JsonObject json, IndicatorValue want) {
    assertThat(json.getLong("cases")).as(where).isEqualTo(want.cases());
    assertThat(json.containsKey("funnel")).as(where + ": a mean has no funnel signal").isTrue();
    assertThat(json.getValue("funnel")).as(where).isNull();
    if (want.decimal() == null) {
      assertThat(json.getValue("value")).as(where).isNull();
      assertThat(json.getValue("bootstrap")).as(where).isNull();
      return;
    }
    assertThat(decimal(json.getValue("value"))).as(where).isEqualByComparingTo(want.decimal());
    JsonArray bootstrap = json.getJsonArray("bootstrap");
    assertThat(bootstrap).as(where).hasSize(2);
    double mean = want.decimal().doubleValue();
    assertThat(bootstrap.getDouble(0)).as(where).isLessThanOrEqualTo(mean + 0.00005);
    assertThat(bootstrap.getDouble(1)).as(where).isGreaterThanOrEqualTo(mean - 0.00005);
  }

  private static void assertTargets(
      String where, JsonObject targets, Map<String, IndicatorValue> want) {
    assertThat(targets.fieldNames()).as(where).containsExactlyInAnyOrder(BUILT_IN, RATIO, MEAN);
    assertMet(where, targets, BUILT_IN, "0.9", Direction.HIGHER_BETTER, want);
    assertMet(where, targets, RATIO, "0.8", Direction.HIGHER_BETTER, want);
    assertMet(where, targets, MEAN, "5", Direction.LOWER_BETTER, want);
  }

  private static void assertMet(
      String where,
      JsonObject targets,
      String code,
      String target,
      Direction direction,
      Map<String, IndicatorValue> want) {
    JsonObject t = targets.getJsonObject(code);
    assertThat(decimal(t.getValue("target"))).as(where).isEqualByComparingTo(target);
    assertThat(t.getBoolean("met"))
        .as(where + " " + code)
        .isEqualTo(want.get(code).met(new BigDecimal(target), direction));
  }

  private static void assertRejected(JsonObject scheme, String message) throws Exception {
    HttpResponse<Buffer> r =
        Answers.await(API.post("/api/v1/schemes", API.adminKey()).sendJsonObject(scheme));
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("message")).as(describe(r)).startsWith(message);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static JsonObject scheme(String id) {
    JsonArray indicators = new JsonArray();
    for (String code : ORDER) {
      indicators.add(
          weighted(code, WEIGHTS.get(code), code.equals(MEAN) ? "lower_better" : "higher_better"));
    }
    return new JsonObject().put("id", id).put("name", "8+X 方案").put("indicators", indicators);
  }

  private static JsonObject withIndicator(String code, String direction) {
    return new JsonObject()
        .put("id", "bad_codes")
        .put("name", "坏方案")
        .put(
            "indicators",
            new JsonArray()
                .add(weighted(BUILT_IN, 1, "higher_better"))
                .add(weighted(code, 1, direction)));
  }

  /** A scheme's entry: indicator {@code rate} with {@code weight}, scored {@code direction}. */
  private static JsonObject weighted(String rate, Number weight, String direction) {
    return new JsonObject().put("rate", rate).put("weight", weight).put("direction", direction);
  }

  private static JsonObject rankings() throws Exception {
    return ok(
        API.get(
            "/api/v1/rankings?period=" + PERIOD + "&group=" + GROUP + "&scheme=eight_x",
            API.adminKey()));
  }

  private static JsonObject rate(JsonObject row, String code) {
    return row.getJsonObject("rates").getJsonObject(code);
  }

  private static List<JsonObject> rows(JsonObject table) {
    List<JsonObject> rows = new ArrayList<>();
    table.getJsonArray("rows").forEach(r -> rows.add((JsonObject) r));
    return rows;
  }

  private static void created(io.vertx.core.Future<HttpResponse<Buffer>> sent) throws Exception {
    HttpResponse<Buffer> r = Answers.await(sent);
    assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
  }

  private static IndicatorDefinition parse(JsonObject json) {
    IndicatorDefinitionParser.Result parsed =
        IndicatorDefinitionParser.parse(new JsonObject(json.encode()).getMap());
    assertThat(parsed.errors()).isEmpty();
    return parsed.definition();
  }

  private static BigDecimal decimal(Object value) {
    return new BigDecimal(String.valueOf(value));
  }
}
