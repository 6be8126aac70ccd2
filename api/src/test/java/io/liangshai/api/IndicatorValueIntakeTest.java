package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.evaluation.ReportedValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorValueIntakeTest {

  @Test
  void sameValuesAreEqualAsNumbersAndFractionsAsPairs() {
    assertThat(same(bare("1.5"), bare("1.50"))).isTrue();
    assertThat(same(bare("1.5"), bare("1.51"))).isFalse();
    assertThat(same(ReportedValue.fraction(1, 2), ReportedValue.fraction(1, 2))).isTrue();
    assertThat(same(ReportedValue.fraction(1, 2), ReportedValue.fraction(2, 4))).isFalse();
    assertThat(same(ReportedValue.fraction(1, 2), bare("0.5"))).isFalse();
  }

  @Test
  void errorsOfARowNameItsIndicatorTenantAndPeriodAsSent() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("indicator", "policy_payout");
    fields.put("tenant_code", "330522");
    fields.put("period", "2024-Q1");
    assertThat(IndicatorValueIntake.where(fields))
        .isEqualTo("policy_payout, tenant 330522, 2024-Q1: ");
    fields.put("tenant_code", 330522);
    fields.put("period", "");
    assertThat(IndicatorValueIntake.where(fields)).isEqualTo("policy_payout: ");
    assertThat(IndicatorValueIntake.where(Map.of())).isEmpty();
  }

  private static boolean same(ReportedValue a, ReportedValue b) {
    return IndicatorValueIntake.same(a, b);
  }

  private static ReportedValue bare(String value) {
    return ReportedValue.bare(new BigDecimal(value));
  }
}
