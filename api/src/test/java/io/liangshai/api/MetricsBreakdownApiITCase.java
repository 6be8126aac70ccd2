package io.liangshai.api;

import static io.liangshai.api.Answers.describe;
import static io.liangshai.api.Answers.ok;
import static io.liangshai.api.Answers.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.testing.SampleBreakdowns;
import io.liangshai.warehouse.testing.SampleCounts;
import io.liangshai.warehouse.testing.SampleFacts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/metrics?...&by=category|channel} over the sample feed (its facts in {@code
 * case_facts}, its counts in {@code tenant_period_counts}): for a county, its city and the
 * province, every month and quarter, each row equals the independent sums of {@link
 * SampleBreakdowns} over the raw sample rows (and, by category, core's {@link ReferenceCalculator}
 * run on that category's cases alone), and the rows add up to the tenant's own {@code /metrics}
 * row; {@code by} is refused with {@code level=} or another value and scoped like {@code /metrics}.
 */
class MetricsBreakdownApiITCase {

  @RegisterExtension static final ApiTestServer API = new ApiTestServer().withSampleCounts();

  private static final String COUNTY = "330522";
  private static final String CITY = "330500";
  private static final String OTHER_COUNTY = "330106";
  private static final List<String> CHAIN = List.of(COUNTY, CITY, ZhejiangTenants.PROVINCE);
  private static final List<CaseRecord> RECORDS = SampleFeed.validRecords();
  private static final List<PeriodKind> KINDS = List.of(PeriodKind.MONTH, PeriodKind.QUARTER);

  @BeforeAll
  static void loadFacts() throws Exception {
    SampleFacts.load(API.warehouse(), RECORDS, 1);
  }

  @Test
  void everyCategoryRowEqualsTheSumsOverTheRawRows() throws Exception {
    compare("category", sums(SampleBreakdowns.CATEGORY), Category.values());
  }

  @Test
  void everyCategoryRowEqualsTheReferenceCalculatorOverThatCategorysCases() throws Exception {
    compare("category", categoryByCategory(), Category.values());
  }

  @Test
  void everyChannelRowEqualsTheSumsOverTheRawRows() throws Exception {
    compare("channel", sums(SampleBreakdowns.CHANNEL), Channel.values());
  }

  // overdue_open is judged by the server at its own time; every sample deadline is long past.

  private static Map<Period, Map<String, Map<String, Indicators>>> sums(
      Function<CaseRecord, WireNamed> field) {
    return SampleBreakdowns.compute(RECORDS, field, KINDS, Instant.now());
  }

  /**
   * Core's {@link ReferenceCalculator} run on the latest versions of one category's cases at a time
   * (a recurrence needs a case of the same category, so none is lost by the restriction).
   */
  private static Map<Period, Map<String, Map<String, Indicators>>> categoryByCategory() {
    ReferenceCalculator calculator = new ReferenceCalculator(ZhejiangTenants.hierarchy());
    List<CaseRecord> latest =
        calculator.latestCases(RECORDS.stream()).stream().map(LatestCase::record).toList();
    Map<Period, Map<String, Map<String, Indicators>>> all = new HashMap<>();
    for (Category category : Category.values()) {
      calculator
          .compute(latest.stream().filter(r -> r.category() == category), KINDS, Instant.now())
          .forEach(
              (period, tenants) ->
                  tenants.forEach(
                      (tenant, indicators) -> {
                        if (indicators.counts().received() > 0) {
                          all.computeIfAbsent(period, p -> new HashMap<>())
                              .computeIfAbsent(tenant, t -> new HashMap<>())
                              .put(category.wireName(), indicators);
                        }
                      }));
    }
    return all;
  }

  private static void compare(
      String by, Map<Period, Map<String, Map<String, Indicators>>> reference, WireNamed[] enumOrder)
      throws Exception {
    List<Period> periods =
        SampleCounts.figures().keySet().stream()
            .filter(p -> p.kind() == PeriodKind.MONTH || p.kind() == PeriodKind.QUARTER)
            .toList();
    assertThat(periods)
        .as("the sample's months and quarter")
        .anyMatch(p -> p.kind() == PeriodKind.QUARTER)
        .filteredOn(p -> p.kind() == PeriodKind.MONTH)
        .hasSizeGreaterThan(1);
    int rows = 0;
    for (Period period : periods) {
      for (String tenant : CHAIN) {
        String query = "?period=" + period + "&tenant=" + tenant;
        List<JsonObject> actual = rows(ok(API.get("/api/v1/metrics" + query + "&by=" + by, key())));
        Map<String, Indicators> expected =
            reference.getOrDefault(period, Map.of()).getOrDefault(tenant, Map.of());
        List<String> names = actual.stream().map(r -> r.getString(by)).toList();
        assertThat(names)
            .as("%s %s by %s, in the order of the enumeration", period, tenant, by)
            .containsExactlyElementsOf(
                Arrays.stream(enumOrder)
                    .map(WireNamed::wireName)
                    .filter(expected::containsKey)
                    .toList());
        for (JsonObject row : actual) {
          String value = row.getString(by);
          assertThat(normalized(row))
              .as("%s %s %s=%s", period, tenant, by, value)
              .isEqualTo(normalized(json(by, value, tenant, period, expected.get(value))));
        }
        assertSumsToTheTenantsRow(actual, ok(API.get("/api/v1/metrics" + query, key())));
        rows += actual.size();
      }
    }
    assertThat(rows).isGreaterThan(periods.size() * CHAIN.size() * 3);
  }

  private static void assertSumsToTheTenantsRow(List<JsonObject> rows, JsonObject tenantRow) {
    for (Indicator count : Indicator.values()) {
      if (!count.isRate()) {
        long sum = rows.stream().mapToLong(r -> r.getLong(count.wireName())).sum();
        assertThat(sum)
            .as("%s of %s %s", count.wireName(), tenantRow.getString("tenant"), tenantRow)
            .isEqualTo(tenantRow.getLong(count.wireName()));
      }
    }
  }

  @Test
  void byIsRefusedWithALevelOrAnotherValueOrWithoutATenant() throws Exception {
    for (String query :
        List.of(
            "?period=2024-01&level=county&by=category",
            "?period=2024-01&tenant=" + COUNTY + "&level=county&by=channel",
            "?period=2024-01&tenant=" + COUNTY + "&by=status",
            "?period=2024-01&tenant=" + COUNTY + "&by=",
            "?period=2024-01&by=category")) {
      HttpResponse<Buffer> r = send(API.get("/api/v1/metrics" + query, key()));
      assertThat(r.statusCode()).as(query + " → " + describe(r)).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).as(query).contains("by");
    }
  }

  @Test
  void aCountyKeySeesItsOwnBreakdownOnlyAndACityItsCounties() throws Exception {
    String county = API.key(COUNTY);
    for (String target : List.of(OTHER_COUNTY, CITY, ZhejiangTenants.PROVINCE)) {
      HttpResponse<Buffer> r =
          send(API.get("/api/v1/metrics?period=2024-Q1&tenant=" + target + "&by=category", county));
      assertThat(r.statusCode()).as(target + " → " + describe(r)).isEqualTo(403);
    }
    assertThat(
            rows(
                ok(
                    API.get(
                        "/api/v1/metrics?period=2024-Q1&tenant=" + COUNTY + "&by=category",
                        county))))
        .isNotEmpty();
    String city = API.key(CITY);
    assertThat(
            rows(
                ok(
                    API.get(
                        "/api/v1/metrics?period=2024-Q1&tenant=" + COUNTY + "&by=channel", city))))
        .isNotEmpty();
    assertThat(
            send(API.get(
                    "/api/v1/metrics?period=2024-Q1&tenant=" + OTHER_COUNTY + "&by=channel", city))
                .statusCode())
        .isEqualTo(403);
  }

  private static String key() throws Exception {
    return API.key(ZhejiangTenants.PROVINCE);
  }

  private static List<JsonObject> rows(JsonObject body) {
    List<JsonObject> rows = new ArrayList<>();
    body.getJsonArray("rows").forEach(r -> rows.add((JsonObject) r));
    return rows;
  }

  private static JsonObject json(
      String by, String value, String tenant, Period period, Indicators indicators) {
    assertThat(indicators).as("a row for %s=%s the reference does not have", by, value).isNotNull();
    JsonObject json =
        new JsonObject().put(by, value).put("tenant", tenant).put("period", period.toString());
    indicators.toMap().forEach(json::put);
    return json;
  }

  /**
   * Numbers as decimals of their JSON text, so that 3 (int) equals 3L and doubles compare exactly.
   */
  private static Map<String, Object> normalized(JsonObject json) {
    Map<String, Object> map = new LinkedHashMap<>();
    json.forEach(
        e ->
            map.put(
                e.getKey(),
                e.getValue() instanceof Number n ? new BigDecimal(n.toString()) : e.getValue()));
    return map;
  }
}
