package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The four rates as filter definitions give exactly the §3 counts of the reference calculator. */
class BuiltInIndicatorsTest {

  private static final List<Indicator> RATES =
      List.of(
          Indicator.RESOLUTION_RATE,
          Indicator.OVERDUE_RATE,
          Indicator.RECURRENCE_RATE,
          Indicator.SATISFACTION_RATE);

  @Test
  void areTheFourRatesUnderTheirCodesNamesAndDirections() {
    assertThat(BuiltInIndicators.all())
        .extracting(IndicatorDefinition::code)
        .containsExactly("resolution_rate", "overdue_rate", "recurrence_rate", "satisfaction_rate");
    assertThat(BuiltInIndicators.all())
        .extracting(IndicatorDefinition::name)
        .containsExactly("办结率", "超时办结率", "重发复发率", "满意率");
    assertThat(BuiltInIndicators.all())
        .extracting(IndicatorDefinition::direction)
        .containsExactly(
            Direction.HIGHER_BETTER,
            Direction.LOWER_BETTER,
            Direction.LOWER_BETTER,
            Direction.HIGHER_BETTER);
    assertThat(BuiltInIndicators.byCode("resolution_rate").orElseThrow().target())
        .isEqualByComparingTo(new BigDecimal("0.9"));
    assertThat(BuiltInIndicators.all().subList(1, 4))
        .allSatisfy(d -> assertThat(d.target()).isNull());
  }

  @Test
  void evaluatedAsFiltersTheyCountWhatTheReferenceCalculatorCounts() {
    ReferenceCalculator calculator = new ReferenceCalculator(ZhejiangTenants.hierarchy());
    List<PeriodKind> kinds = List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.WEEK);
    SortedMap<Period, SortedMap<String, Indicators>> expected =
        calculator.compute(SampleFeed.validRecords().stream(), kinds, ExpectedMetrics.QUERY_TIME);

    SortedMap<Period, SortedMap<String, Map<String, IndicatorValue>>> actual =
        new ReferenceEvaluator(calculator)
            .compute(SampleFeed.validRecords().stream(), BuiltInIndicators.all(), kinds);

    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    int compared = 0;
    for (Period period : expected.keySet()) {
      for (Map.Entry<String, Indicators> tenant : expected.get(period).entrySet()) {
        for (Indicator rate : RATES) {
          IndicatorValue value = actual.get(period).get(tenant.getKey()).get(rate.wireName());
          assertThat(value.numerator())
              .as("%s %s %s", period, tenant.getKey(), rate)
              .isEqualTo(tenant.getValue().count(rate.numerator()));
          assertThat(value.denominator()).isEqualTo(tenant.getValue().count(rate.denominator()));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }
}
