package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ReportedRollupTest {

  private static final String PROVINCE = "330000";
  private static final String HUZHOU = "330500";
  private static final String DEQING = "330521";
  private static final String CHANGXING = "330522";
  private static final String HANGZHOU = "330100";
  private static final String SHANGCHENG = "330102";

  private final ReportedRollup rollup =
      new ReportedRollup(
          TenantHierarchy.of(
              Map.of(
                  HUZHOU, PROVINCE,
                  DEQING, HUZHOU,
                  CHANGXING, HUZHOU,
                  HANGZHOU, PROVINCE,
                  SHANGCHENG, HANGZHOU)));

  private static ReportedValue f(long n, long d) {
    return ReportedValue.fraction(n, d);
  }

  /** {@code "330521=3/4 330522=5/6"}: each tenant's {@code fraction(numerator, denominator)}. */
  private static <V> Map<String, V> perTenant(String text, BiFunction<Long, Long, V> fraction) {
    Map<String, V> values = new HashMap<>();
    for (String entry : text.split(" ")) {
      String[] tenantNumeratorDenominator = entry.split("[=/]");
      values.put(
          tenantNumeratorDenominator[0],
          fraction.apply(
              Long.parseLong(tenantNumeratorDenominator[1]),
              Long.parseLong(tenantNumeratorDenominator[2])));
    }
    return values;
  }

  /**
   * One month's uploads of a fraction indicator and the effective values they give, both as {@link
   * #perTenant}: 330000 the province; 330500 Huzhou with its counties 330521 Deqing and 330522
   * Changxing; 330100 Hangzhou with its district 330102 Shangcheng.
   */
  @ParameterizedTest(name = "{0}")
  @CsvFileSource(
      resources = "/io/liangshai/core/evaluation/reported-rollup-months.csv",
      numLinesToSkip = 1)
  void theEffectiveValueIsTheOwnUploadElseTheSumOfTheChildren(
      String name, String uploads, String effective) {
    assertThat(rollup.month(perTenant(uploads, ReportedValue::fraction)))
        .containsAllEntriesOf(perTenant(effective, IndicatorValue::ratio));
  }

  @Test
  void noneOfTheChildrenHavingOneMeansNone() {
    Map<String, IndicatorValue> month = rollup.month(Map.of(DEQING, f(0, 4)));

    assertThat(month.get(HANGZHOU)).isEqualTo(IndicatorValue.NONE);
    assertThat(month.get(HANGZHOU).value()).isNull();
    assertThat(month.get(CHANGXING).value()).isNull();
    assertThat(month.get(HUZHOU)).isEqualTo(IndicatorValue.ratio(0, 4));
  }

  @Test
  void bareValuesDoNotRollUp() {
    Map<String, IndicatorValue> month =
        rollup.month(Map.of(DEQING, ReportedValue.bare(new BigDecimal("97.5"))));

    assertThat(month.get(DEQING).value()).isEqualTo(new BigDecimal("97.5"));
    assertThat(month.get(HUZHOU).value()).isNull();
    assertThat(month.get(PROVINCE).value()).isNull();
  }

  @Test
  void aQuarterSumsTheEffectiveMonthsAndAWeekHasNone() {
    Map<Period, Map<String, IndicatorValue>> months =
        Map.of(
            Period.parse("2024-01"), rollup.month(Map.of(DEQING, f(1, 2))),
            Period.parse("2024-03"), rollup.month(Map.of(DEQING, f(2, 2), CHANGXING, f(0, 5))),
            Period.parse("2024-04"), rollup.month(Map.of(DEQING, f(9, 9))));

    Map<String, IndicatorValue> q1 = rollup.period(Period.parse("2024-Q1"), months);
    assertThat(q1.get(DEQING)).isEqualTo(IndicatorValue.ratio(3, 4));
    assertThat(q1.get(HUZHOU)).isEqualTo(IndicatorValue.ratio(3, 9));
    assertThat(q1.get(HANGZHOU).value()).isNull();
    assertThat(rollup.period(Period.parse("2024"), months).get(PROVINCE))
        .isEqualTo(IndicatorValue.ratio(12, 18));
    assertThat(rollup.period(Period.parse("2024-03"), months).get(HUZHOU))
        .isEqualTo(IndicatorValue.ratio(2, 7));
    assertThat(rollup.period(Period.parse("2024-W10"), months).values())
        .allSatisfy(v -> assertThat(v.value()).isNull());
  }

  @Test
  void aQuarterOfBareValuesIsTheMeanOfTheMonthsWithAValue() {
    Map<Period, Map<String, IndicatorValue>> months =
        Map.of(
            Period.parse("2024-01"),
                rollup.month(Map.of(DEQING, ReportedValue.bare(BigDecimal.ONE))),
            Period.parse("2024-02"),
                rollup.month(Map.of(CHANGXING, ReportedValue.bare(BigDecimal.TEN))),
            Period.parse("2024-03"),
                rollup.month(Map.of(DEQING, ReportedValue.bare(new BigDecimal("2.5")))));

    Map<String, IndicatorValue> q1 = rollup.period(Period.parse("2024-Q1"), months);
    assertThat(q1.get(DEQING).value()).isEqualTo(new BigDecimal("1.75"));
    assertThat(q1.get(CHANGXING).value()).isEqualTo(BigDecimal.TEN);
    assertThat(q1.get(HUZHOU).value()).isNull();
  }
}
