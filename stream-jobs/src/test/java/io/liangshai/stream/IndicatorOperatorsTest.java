package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The job's keyed operators in test harnesses: state, retractions and out-of-order input. */
class IndicatorOperatorsTest {

  private static final TenantHierarchy HIERARCHY = ZhejiangTenants.hierarchy();
  private static final String COUNTY = "330522";
  private static final String CITY = "330500";
  private static final String PROVINCE = "330000";

  @Test
  void anOlderVersionArrivingAfterANewerOneChangesNothing() throws Exception {
    CaseRecord received = aCase().updatedAt(Instant.parse("2024-01-02T02:00:00Z")).build();
    CaseRecord closed =
        aCase()
            .updatedAt(Instant.parse("2024-01-05T02:00:00Z"))
            .status(CaseStatus.CLOSED)
            .closedAt(Instant.parse("2024-01-05T02:00:00Z"))
            .satisfaction(Satisfaction.SATISFIED)
            .build();
    try (OperatorChain chain = new OperatorChain(HIERARCHY)) {
      chain.push(closed);
      chain.push(received);
      chain.push(closed);
      IndicatorCounts month = chain.counts(COUNTY, "MONTH", "2024-01");
      assertThat(month.received()).isEqualTo(1);
      assertThat(month.closed()).isEqualTo(1);
      assertThat(month.satisfied()).isEqualTo(1);
      assertThat(chain.facts().get(COUNTY + "|case-1").record()).isEqualTo(closed);
      // One case: its version, its facts, its group's members and verdicts; 3 tenants × 4 kinds.
      assertThat(chain.stateEntries())
          .containsEntry(LatestVersionFunction.NAME, 1)
          .containsEntry(CaseFactsFunction.NAME, 1)
          .containsEntry(RecurrenceGroupFunction.NAME, 2)
          .containsEntry(PeriodCountsOperator.NAME, 12);
    }
  }

  @Test
  void aLateClosingChangesTheMonthTheCaseWasReceivedIn() throws Exception {
    Instant march = Instant.parse("2024-03-10T02:00:00Z");
    Instant may = Instant.parse("2024-05-20T02:00:00Z");
    try (OperatorChain chain = new OperatorChain(HIERARCHY)) {
      chain.push(aCase().receivedAt(march).updatedAt(march).build());
      assertThat(chain.counts(COUNTY, "MONTH", "2024-03").closed()).isZero();
      chain.push(
          aCase().receivedAt(march).updatedAt(may).status(CaseStatus.CLOSED).closedAt(may).build());
      IndicatorCounts counts = chain.counts(COUNTY, "MONTH", "2024-03");
      assertThat(counts.received()).isEqualTo(1);
      assertThat(counts.closed()).isEqualTo(1);
      assertThat(counts.overdueClosed())
          .as("closed after its 15-working-day deadline")
          .isEqualTo(1);
      assertThat(chain.counts(COUNTY, "MONTH", "2024-05")).isEqualTo(IndicatorCounts.ZERO);
      assertThat(chain.counts(CITY, "QUARTER", "2024-Q1").closed()).isEqualTo(1);
      assertThat(chain.counts(PROVINCE, "YEAR", "2024").closed()).isEqualTo(1);
    }
  }

  @Test
  void aRecurrenceIsDecidedByACaseThatArrivesAfterTheOneItAffects() throws Exception {
    Instant feb = Instant.parse("2024-02-20T02:00:00Z");
    Instant march = Instant.parse("2024-03-10T02:00:00Z");
    CaseRecord later = aCase().caseId("later").receivedAt(march).updatedAt(march).build();
    CaseRecord earlierClosed =
        aCase()
            .caseId("earlier")
            .receivedAt(feb)
            .updatedAt(feb)
            .status(CaseStatus.CLOSED)
            .closedAt(feb)
            .build();
    try (OperatorChain chain = new OperatorChain(HIERARCHY)) {
      chain.push(later);
      assertThat(chain.counts(COUNTY, "MONTH", "2024-03").recurrences()).isZero();
      chain.push(earlierClosed);
      assertThat(chain.counts(COUNTY, "MONTH", "2024-03").recurrences()).isEqualTo(1);
      assertThat(chain.counts(COUNTY, "MONTH", "2024-02").recurrences()).isZero();
      assertThat(chain.facts().get(COUNTY + "|later").derived().recurrence()).isTrue();

      // The earlier case moves to another category: the later one is no longer a recurrence.
      chain.push(
          aCase()
              .caseId("earlier")
              .receivedAt(feb)
              .updatedAt(feb.plusSeconds(60))
              .category(io.liangshai.core.record.Category.FINANCE)
              .status(CaseStatus.CLOSED)
              .closedAt(feb)
              .build());
      assertThat(chain.counts(COUNTY, "MONTH", "2024-03").recurrences()).isZero();
      assertThat(chain.facts().get(COUNTY + "|later").derived().recurrence()).isFalse();
      // The group it left no longer holds it; the group it joined holds only it.
      assertThat(chain.groupMembers(GroupChange.groupKeyOf(later))).containsExactly("later");
      assertThat(
              chain.groupMembers(
                  GroupChange.groupKeyOf(chain.facts().get(COUNTY + "|earlier").record())))
          .containsExactly("earlier");
    }
  }

  @Test
  void aWithdrawnCaseLeavesEveryCount() throws Exception {
    Instant jan = Instant.parse("2024-01-02T02:00:00Z");
    try (OperatorChain chain = new OperatorChain(HIERARCHY)) {
      chain.push(aCase().updatedAt(jan).satisfaction(Satisfaction.DISSATISFIED).build());
      assertThat(chain.counts(PROVINCE, "MONTH", "2024-01").received()).isEqualTo(1);
      chain.push(aCase().updatedAt(jan.plusSeconds(3600)).status(CaseStatus.WITHDRAWN).build());
      for (String tenant : List.of(COUNTY, CITY, PROVINCE)) {
        for (var kind : List.of("MONTH", "QUARTER", "YEAR", "WEEK")) {
          String period = Period.of(PeriodKind.valueOf(kind), jan).toString();
          assertThat(chain.counts(tenant, kind, period)).isEqualTo(IndicatorCounts.ZERO);
        }
      }
    }
  }

  @Test
  void theSampleFeedInAnyOrderGivesTheReferenceFigures() throws Exception {
    List<CaseRecord> records = SampleFeed.validRecords();
    SortedMap<Period, SortedMap<String, Indicators>> expected =
        new ReferenceCalculator(HIERARCHY)
            .compute(
                records.stream(),
                EnumSet.allOf(PeriodKind.class),
                Instant.parse("2025-01-01T00:00:00Z"));
    for (long seed : new long[] {1, 2}) {
      List<CaseRecord> shuffled = new ArrayList<>(records);
      Collections.shuffle(shuffled, new Random(seed));
      try (OperatorChain chain = new OperatorChain(HIERARCHY)) {
        for (CaseRecord r : shuffled) {
          chain.push(r);
        }
        assertThat(chain.quarantined()).as("nothing of a valid feed is set aside").isEmpty();
        Map<String, IndicatorCounts> actual = chain.counts();
        for (var period : expected.entrySet()) {
          for (var tenant : period.getValue().entrySet()) {
            String key = tenant.getKey() + '|' + period.getKey().kind() + '|' + period.getKey();
            assertThat(actual.getOrDefault(key, IndicatorCounts.ZERO))
                .as("seed %d, %s", seed, key)
                .isEqualTo(tenant.getValue().counts());
          }
        }
      }
    }
  }
}
