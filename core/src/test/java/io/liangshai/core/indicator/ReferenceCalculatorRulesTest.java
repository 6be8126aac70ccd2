package io.liangshai.core.indicator;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The calculator's own rules on hand-made cases; the sample feed is in ReferenceCalculatorTest. */
class ReferenceCalculatorRulesTest {

  private static final String PROVINCE = "330000";
  private static final String CITY = "330500";
  private static final String COUNTY = "330522";
  private static final String OTHER_COUNTY = "330523";
  private static final Instant JAN = Instant.parse("2024-01-10T02:00:00Z");
  private static final Instant QUERY_TIME = Instant.parse("2025-01-01T00:00:00Z");
  private static final Period JANUARY = Period.parse("2024-01");

  private final ReferenceCalculator calculator =
      new ReferenceCalculator(
          TenantHierarchy.of(Map.of(CITY, PROVINCE, COUNTY, CITY, OTHER_COUNTY, CITY)));

  private Map<String, Indicators> january(CaseRecord... records) {
    SortedMap<Period, SortedMap<String, Indicators>> table =
        calculator.compute(Stream.of(records), List.of(PeriodKind.MONTH), QUERY_TIME);
    return table.get(JANUARY);
  }

  @Test
  void sumsCountiesIntoTheirCityAndEverythingIntoTheProvince() {
    Map<String, Indicators> january =
        january(
            aCase().caseId("a").tenantCode(COUNTY).receivedAt(JAN).build(),
            aCase()
                .caseId("b")
                .tenantCode(OTHER_COUNTY)
                .receivedAt(JAN)
                .closedAt(JAN.plusSeconds(60))
                .build(),
            aCase().caseId("c").tenantCode(CITY).receivedAt(JAN).build());

    assertThat(january.get(COUNTY).counts().received()).isEqualTo(1);
    assertThat(january.get(CITY).counts().received()).isEqualTo(3);
    assertThat(january.get(CITY).counts().closed()).isEqualTo(1);
    assertThat(january.get(PROVINCE).counts().received()).isEqualTo(3);
    assertThat(january.get(PROVINCE).resolutionRate()).isEqualTo(1.0 / 3);
  }

  @Test
  void listsTenantsWithoutCasesWithZeroCountsAndNullRates() {
    Map<String, Indicators> january = january(aCase().tenantCode(COUNTY).receivedAt(JAN).build());

    assertThat(january).containsOnlyKeys(PROVINCE, CITY, COUNTY, OTHER_COUNTY);
    assertThat(january.get(OTHER_COUNTY).counts()).isEqualTo(IndicatorCounts.ZERO);
    assertThat(january.get(OTHER_COUNTY).resolutionRate()).isNull();
  }

  @Test
  void excludesACaseWhoseLatestVersionIsWithdrawn() {
    CaseRecord open = aCase().tenantCode(COUNTY).receivedAt(JAN).updatedAt(JAN).build();
    CaseRecord withdrawn =
        aCase()
            .tenantCode(COUNTY)
            .receivedAt(JAN)
            .updatedAt(JAN.plusSeconds(5))
            .status(CaseStatus.WITHDRAWN)
            .build();

    Map<String, Indicators> january = january(withdrawn, open);

    assertThat(january.get(COUNTY).counts()).isEqualTo(IndicatorCounts.ZERO);
    assertThat(january.get(COUNTY).overdueOpen()).isZero();
  }

  @Test
  void countsOpenCasesPastTheirDerivedDeadlineAsOverdueOpen() {
    Map<String, Indicators> january = january(aCase().tenantCode(COUNTY).receivedAt(JAN).build());

    assertThat(january.get(COUNTY).overdueOpen()).isEqualTo(1);
    assertThat(january.get(PROVINCE).overdueOpen()).isEqualTo(1);
  }
}
