package io.liangshai.warehouse.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.BreakdownQueries.By;
import io.liangshai.warehouse.testing.SampleBreakdowns;
import io.liangshai.warehouse.testing.SampleFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 1+8+N view over the sample feed's {@code case_facts} in a real ClickHouse, by category and by
 * channel, for every month, quarter, year and ISO week of a county, its city and the province, and
 * for every tenant in one quarter: each row equals {@link SampleBreakdowns}' independent sums, and
 * a tenant's rows add up to its own figures from core's {@link ReferenceCalculator}.
 */
class BreakdownQueriesITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  private static final List<PeriodKind> KINDS =
      List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.WEEK);

  /** Inside the feed's months, so that some open cases are past their deadline and some not. */
  private static final Instant NOW = Instant.parse("2024-06-20T04:00:00Z");

  private static final List<String> CHAIN = List.of("330522", "330500", ZhejiangTenants.PROVINCE);

  private static final List<CaseRecord> RECORDS = SampleFeed.validRecords();

  private static Warehouse warehouse;
  private static SortedMap<Period, SortedMap<String, Indicators>> totals;

  @BeforeAll
  static void open() throws Exception {
    warehouse = Warehouse.open(CLICKHOUSE.jdbcUrl());
    SampleFacts.load(warehouse, RECORDS, 1);
    totals =
        new ReferenceCalculator(ZhejiangTenants.hierarchy()).compute(RECORDS.stream(), KINDS, NOW);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  @Test
  void everyCategoryRowEqualsTheReference() {
    assertThat(compare(By.CATEGORY, SampleBreakdowns.CATEGORY)).isGreaterThan(1_000);
  }

  @Test
  void everyChannelRowEqualsTheReference() {
    assertThat(compare(By.CHANNEL, SampleBreakdowns.CHANNEL)).isGreaterThan(1_000);
  }

  @Test
  void aTenantWithoutCasesHasNoRows() {
    assertThat(
            new BreakdownQueries(warehouse)
                .indicators(By.CATEGORY, "330522", Period.parse("2031-01"), NOW))
        .isEmpty();
  }

  private static int compare(By by, Function<CaseRecord, WireNamed> field) {
    Map<Period, Map<String, Map<String, Indicators>>> expected =
        SampleBreakdowns.compute(RECORDS, field, KINDS, NOW);
    BreakdownQueries queries = new BreakdownQueries(warehouse);
    int rows = 0;
    for (Period period : totals.keySet()) {
      boolean everyTenant = period.equals(Period.parse("2024-Q1"));
      for (String tenant : everyTenant ? totals.get(period).keySet() : CHAIN) {
        Map<String, Indicators> actual = queries.indicators(by, tenant, period, NOW);
        Map<String, Indicators> want = expected.get(period).getOrDefault(tenant, Map.of());
        assertThat(actual).as("%s %s by %s", period, tenant, by).isEqualTo(want);
        Indicators sum =
            actual.values().stream()
                .reduce(new Indicators(IndicatorCounts.ZERO, 0), SampleBreakdowns::plus);
        assertThat(sum)
            .as("sum of %s %s by %s", period, tenant, by)
            .isEqualTo(totals.get(period).get(tenant));
        rows += actual.size();
      }
    }
    assertThat(expected.get(Period.parse("2024-Q1")).get(ZhejiangTenants.PROVINCE))
        .as("the province's quarter has several values with overdue open cases")
        .hasSizeGreaterThan(3)
        .anySatisfy((value, row) -> assertThat(row.overdueOpen()).isPositive());
    return rows;
  }
}
