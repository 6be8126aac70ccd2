package io.liangshai.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins our reading of SPEC §2–3 to the sample feed's expected results: every count and rate, for
 * every tenant and period listed there, in file order and in shuffled orders.
 */
class ReferenceCalculatorTest {

  private static final List<PeriodKind> KINDS = List.of(PeriodKind.MONTH, PeriodKind.QUARTER);

  private static List<CaseRecord> valid;
  private static List<FieldError> errors;
  private static ExpectedMetrics expected;
  private static ReferenceCalculator calculator;

  @BeforeAll
  static void validateFeed() {
    CaseRecordValidator validator =
        new CaseRecordValidator(TenantScope.knownTenants(ZhejiangTenants.codes()));
    valid = new ArrayList<>();
    errors = new ArrayList<>();
    List<Map<String, Object>> rows = SampleFeed.rows();
    for (int i = 0; i < rows.size(); i++) {
      ValidationResult result = validator.validate(rows.get(i), i + 1);
      if (result.isValid()) {
        valid.add(result.record());
      } else {
        errors.addAll(result.errors());
      }
    }
    expected = ExpectedMetrics.load();
    calculator = new ReferenceCalculator(ZhejiangTenants.hierarchy());
  }

  @Test
  void rejectsExactlyTheInvalidRowsOfTheFeed() {
    assertThat(errors.stream().map(FieldError::row).distinct()).hasSize(SampleFeed.INVALID_ROWS);
    assertThat(
            errors.stream()
                .collect(Collectors.groupingBy(FieldError::field, Collectors.counting())))
        .containsOnlyKeys(
            "case_id", "tenant_code", "enterprise_uscc", "category", "received_at", "closed_at");
  }

  @Test
  void expectsFiguresForEveryTenantInEveryPeriod() {
    assertThat(expected.periods()).containsExactlyInAnyOrder("2024-01", "2024-02", "2024-Q1");
    for (String period : expected.periods()) {
      assertThat(expected.metrics(period).keySet())
          .as(period)
          .containsExactlyInAnyOrderElementsOf(ZhejiangTenants.codes());
    }
  }

  @Test
  void matchesExpectedMetricsInFileOrder() {
    assertMatchesExpected(valid);
  }

  @Test
  void matchesExpectedMetricsInShuffledOrders() {
    for (long seed : new long[] {20240102L, 7L}) {
      List<CaseRecord> shuffled = new ArrayList<>(valid);
      Collections.shuffle(shuffled, new Random(seed));
      assertMatchesExpected(shuffled);
    }
  }

  @Test
  void countsDuplicatesAndOlderVersionsOnce() {
    List<CaseRecord> replayed = new ArrayList<>(valid);
    replayed.addAll(valid.subList(0, valid.size() / 2));
    Collections.reverse(replayed);
    assertMatchesExpected(replayed);
  }

  private static void assertMatchesExpected(List<CaseRecord> records) {
    SortedMap<Period, SortedMap<String, Indicators>> actual =
        calculator.compute(records.stream(), KINDS, ExpectedMetrics.QUERY_TIME);
    SoftAssertions softly = new SoftAssertions();
    for (String period : expected.periods()) {
      Map<String, Indicators> byTenant = actual.get(Period.parse(period));
      softly.assertThat(byTenant).as(period).isNotNull();
      if (byTenant == null) {
        continue;
      }
      expected
          .metrics(period)
          .forEach(
              (tenant, metrics) ->
                  assertIndicators(softly, period + "/" + tenant, byTenant.get(tenant), metrics));
    }
    softly.assertAll();
  }

  private static void assertIndicators(
      SoftAssertions softly, String where, Indicators actual, Map<String, Number> expected) {
    softly.assertThat(actual).as(where).isNotNull();
    if (actual == null) {
      return;
    }
    assertThat(expected.keySet())
        .as(where + " lists every indicator")
        .containsExactlyInAnyOrderElementsOf(actual.toMap().keySet());
    for (Indicator indicator : Indicator.values()) {
      Number want = expected.get(indicator.wireName());
      Number got = actual.value(indicator);
      String label = where + " " + indicator.wireName();
      if (!indicator.isRate()) {
        softly.assertThat(got.longValue()).as(label).isEqualTo(want.longValue());
      } else if (want == null) {
        softly.assertThat(got).as(label).isNull();
      } else {
        softly.assertThat(got).as(label).isNotNull();
        if (got != null) {
          softly
              .assertThat(got.doubleValue())
              .as(label)
              .isCloseTo(want.doubleValue(), within(1e-12));
        }
      }
    }
  }
}
