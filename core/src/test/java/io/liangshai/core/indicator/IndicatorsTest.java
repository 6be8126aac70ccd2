package io.liangshai.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorsTest {

  private static final IndicatorCounts SOME = new IndicatorCounts(10, 8, 2, 1, 4, 3, 1, 2, 1, 1);

  @Test
  void dividesTheCountsSpecSaysFor() {
    Indicators indicators = new Indicators(SOME, 1);

    assertThat(indicators.resolutionRate()).isEqualTo(0.8);
    assertThat(indicators.overdueRate()).isEqualTo(0.25);
    assertThat(indicators.recurrenceRate()).isEqualTo(0.1);
    assertThat(indicators.satisfactionRate()).isEqualTo(0.75);
  }

  @Test
  void leavesARateNullWhenItsDenominatorIsZero() {
    Indicators none = new Indicators(IndicatorCounts.ZERO, 0);

    assertThat(none.resolutionRate()).isNull();
    assertThat(none.overdueRate()).isNull();
    assertThat(none.recurrenceRate()).isNull();
    assertThat(none.satisfactionRate()).isNull();
    assertThat(none.toMap()).containsEntry("received", 0L).containsEntry("resolution_rate", null);
  }

  @Test
  void namesEveryIndicatorAsSpecDoesInSpecOrder() {
    assertThat(new Indicators(SOME, 3).toMap())
        .containsExactly(
            java.util.Map.entry("received", 10L),
            java.util.Map.entry("closed", 8L),
            java.util.Map.entry("resolution_rate", 0.8),
            java.util.Map.entry("overdue_closed", 2L),
            java.util.Map.entry("overdue_rate", 0.25),
            java.util.Map.entry("overdue_open", 3L),
            java.util.Map.entry("recurrences", 1L),
            java.util.Map.entry("recurrence_rate", 0.1),
            java.util.Map.entry("rated", 4L),
            java.util.Map.entry("satisfied", 3L),
            java.util.Map.entry("satisfaction_rate", 0.75),
            java.util.Map.entry("dissatisfied", 1L),
            java.util.Map.entry("reassigned", 2L),
            java.util.Map.entry("leader_instructed", 1L),
            java.util.Map.entry("escalated", 1L));
  }

  @Test
  void addsAndSubtractsCounts() {
    assertThat(SOME.plus(SOME).minus(SOME)).isEqualTo(SOME);
    assertThat(IndicatorCounts.ZERO.minus(SOME).received()).isEqualTo(-10);
  }

  @Test
  void tellsRatesFromCounts() {
    assertThat(Indicator.SATISFACTION_RATE.numerator()).isEqualTo(Indicator.SATISFIED);
    assertThat(Indicator.SATISFACTION_RATE.denominator()).isEqualTo(Indicator.RATED);
    assertThat(Indicator.byWireName("overdue_open")).contains(Indicator.OVERDUE_OPEN);
    assertThatThrownBy(() -> new Indicators(SOME, 0).count(Indicator.OVERDUE_RATE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SOME.get(Indicator.OVERDUE_OPEN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
