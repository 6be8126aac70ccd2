package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountFiltersTest {

  private static final List<LatestCase> CASES =
      new ReferenceCalculator(ZhejiangTenants.hierarchy())
          .latestCases(SampleFeed.validRecords().stream());

  @Test
  void coversEveryAdditiveCountInSpecOrder() {
    List<Indicator> additive =
        Arrays.stream(Indicator.values())
            .filter(i -> !i.isRate() && i != Indicator.OVERDUE_OPEN)
            .toList();
    assertThat(CountFilters.all().keySet()).containsExactlyElementsOf(additive);
  }

  @Test
  void eachFilterMatchesExactlyTheCasesItsCountCounts() {
    int matched = 0;
    for (LatestCase c : CASES) {
      if (c.facts().withdrawn()) {
        continue;
      }
      for (var count : CountFilters.all().entrySet()) {
        boolean counted = c.facts().contribution().get(count.getKey()) == 1;
        boolean matches =
            count.getValue().matches(c.record(), c.recurrence(), c.facts().deadline());
        assertThat(matches).as("%s of %s", count.getKey(), c.record().key()).isEqualTo(counted);
        matched += matches ? 1 : 0;
      }
    }
    assertThat(matched).isGreaterThan(CASES.size());
  }

  @Test
  void everyCountIsMatchedBySomeSampleCase() {
    for (var count : CountFilters.all().entrySet()) {
      assertThat(
              CASES.stream()
                  .filter(c -> !c.facts().withdrawn())
                  .anyMatch(
                      c ->
                          count
                              .getValue()
                              .matches(c.record(), c.recurrence(), c.facts().deadline())))
          .as(count.getKey().wireName())
          .isTrue();
    }
  }
}
