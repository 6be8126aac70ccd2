package io.liangshai.warehouse.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReferenceEvaluator;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.CustomIndicators;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.CaseFactsTable;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.testing.SampleFacts;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom case indicators compiled to SQL over the sample feed's {@code case_facts} in a real
 * ClickHouse, for every tenant and every month, quarter, year and ISO week, equal to core's
 * in-memory {@link ReferenceEvaluator} (filters evaluated case by case in Java); again after later
 * versions withdraw, reopen and close cases.
 */
class IndicatorQueriesITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final List<PeriodKind> KINDS =
      List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.WEEK);

  /** The name every custom indicator of this class is given. */
  private static final String CUSTOM_NAME = "自定义指标";

  private static final List<IndicatorDefinition> DEFINITIONS = definitions();

  private static Warehouse warehouse;

  @BeforeAll
  static void open() throws Exception {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = warehouse.connect();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE TABLE " + CaseFactsTable.TABLE);
    }
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static List<IndicatorDefinition> definitions() {
    List<IndicatorDefinition> all = new ArrayList<>(BuiltInIndicators.all());
    all.add(
        CustomIndicators.resolutionOf(
            "project_policy_resolution", CUSTOM_NAME, 0.8, "project", "policy"));
    all.add(
        define(
            Map.of(
                "code", "hotline_very_satisfied",
                "kind", "case_ratio",
                "direction", "higher_better",
                "denominator", Map.of("channel", List.of("hotline_12345"), "rated", true),
                "numerator", Map.of("satisfaction", List.of("very_satisfied")))));
    all.add(
        define(
            Map.of(
                "code", "instructed_first_time",
                "kind", "case_ratio",
                "direction", "higher_better",
                "denominator", Map.of("leader_instructed", true),
                "numerator", Map.of("reassigned", false, "overdue_closed", false))));
    all.add(
        define(
            Map.of(
                "code", "open_recurrences",
                "kind", "case_ratio",
                "direction", "lower_better",
                "denominator", Map.of("closed", false),
                "numerator", Map.of("recurrence", true))));
    all.add(
        define(
            Map.of(
                "code", "handling_days",
                "kind", "case_mean_days",
                "direction", "lower_better",
                "filter", Map.of())));
    all.add(
        define(
            Map.of(
                "code",
                "escalated_unhappy_days",
                "kind",
                "case_mean_days",
                "direction",
                "lower_better",
                "filter",
                Map.of(
                    "escalation_level", List.of("city", "province"),
                    "satisfaction",
                        List.of("dissatisfied", "very_dissatisfied", "basically_satisfied")))));
    return all;
  }

  private static IndicatorDefinition define(Map<String, Object> json) {
    Map<String, Object> named = new java.util.HashMap<>(json);
    named.put("name", CUSTOM_NAME);
    return CustomIndicators.define(named);
  }

  @Test
  void everyValueOfEveryTenantAndPeriodEqualsTheReference() throws Exception {
    List<CaseRecord> records = SampleFeed.validRecords();
    SampleFacts.load(warehouse, records, 1);

    int compared = compareWithReference(records);

    assertThat(compared).isGreaterThan(1_000);
  }

  @Test
  void staysExactWhenLaterVersionsWithdrawReopenAndClose() throws Exception {
    List<CaseRecord> records = new ArrayList<>(SampleFeed.validRecords());
    SampleFacts.load(warehouse, records, 1);
    records.addAll(laterVersions(records));
    SampleFacts.load(warehouse, records, 2);

    compareWithReference(records);
  }

  private static int compareWithReference(List<CaseRecord> records) {
    SortedMap<Period, SortedMap<String, Map<String, IndicatorValue>>> expected =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(records.stream(), DEFINITIONS, KINDS);
    IndicatorQueries queries = new IndicatorQueries(warehouse);
    int compared = 0;
    for (Map.Entry<Period, SortedMap<String, Map<String, IndicatorValue>>> period :
        expected.entrySet()) {
      Map<String, Map<String, IndicatorValue>> actual =
          queries.caseValues(DEFINITIONS, period.getKey(), period.getValue().keySet());
      for (String tenant : period.getValue().keySet()) {
        assertThat(actual.get(tenant))
            .as("%s %s", period.getKey(), tenant)
            .isEqualTo(period.getValue().get(tenant));
        compared += actual.get(tenant).size();
      }
    }
    assertThat(expected.get(Period.parse("2024-Q1")).get(ZhejiangTenants.PROVINCE))
        .allSatisfy((code, value) -> assertThat(value.value()).as(code).isNotNull());
    return compared;
  }

  /** Newer versions of some cases: every 7th closed one withdrawn, every 11th reopened, ... */
  private static List<CaseRecord> laterVersions(List<CaseRecord> records) {
    List<CaseRecord> latest =
        new ReferenceCalculator(ZhejiangTenants.hierarchy())
            .latestCases(records.stream()).stream().map(c -> c.record()).toList();
    List<CaseRecord> later = new ArrayList<>();
    for (int i = 0; i < latest.size(); i++) {
      CaseRecord r = latest.get(i);
      if (i % 7 == 0 && r.isClosed()) {
        later.add(version(r, CaseStatus.WITHDRAWN, null));
      } else if (i % 11 == 0 && r.isClosed()) {
        later.add(version(r, CaseStatus.IN_PROGRESS, null));
      } else if (i % 13 == 0 && !r.isClosed() && !r.isWithdrawn()) {
        later.add(
            version(r, CaseStatus.CLOSED, r.receivedAt().plus(Duration.ofHours(30 + i % 500))));
      }
    }
    assertThat(later).hasSizeGreaterThan(100);
    return later;
  }

  private static CaseRecord version(CaseRecord r, CaseStatus status, java.time.Instant closedAt) {
    return CaseRecordFixture.from(r)
        .updatedAt(r.updatedAt().plusSeconds(1))
        .closedAt(closedAt)
        .status(status)
        .build();
  }
}
