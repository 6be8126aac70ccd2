package io.liangshai.core.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningListTest {

  private static final Instant AS_OF = Instant.parse("2024-03-06T02:00:00Z");

  private final WarningList list =
      new WarningList(new DeadlineClock(WorkingDayCalendar.china()), new PriorRiskModel());

  private static OpenCase open(String tenant, String id, String received, String deadline) {
    return new OpenCase(
        tenant,
        id,
        Instant.parse(received),
        Instant.parse(deadline),
        EscalationLevel.COUNTY,
        0,
        false,
        Category.OTHER,
        Channel.HOTLINE_12345);
  }

  @Test
  void ordersByRiskThenDeadlineTenantAndCaseId() {
    List<OpenCase> cases =
        List.of(
            open("330522", "fresh", "2024-03-06T01:00:00Z", "2024-03-27T15:59:59Z"),
            open("330522", "b-late", "2024-03-01T01:00:00Z", "2024-03-05T01:00:00Z"),
            open("330521", "z-late", "2024-03-01T01:00:00Z", "2024-03-05T01:00:00Z"),
            open("330522", "a-late", "2024-03-01T01:00:00Z", "2024-03-05T01:00:00Z"),
            open("330522", "older-late", "2024-02-20T01:00:00Z", "2024-03-01T01:00:00Z"),
            open("330522", "half", "2024-03-04T02:00:00Z", "2024-03-08T02:00:00Z"));

    List<Warning> rows = list.at(cases, AS_OF, 3);

    assertThat(rows)
        .extracting(w -> w.openCase().tenant() + "/" + w.openCase().caseId())
        .containsExactly(
            "330522/older-late",
            "330521/z-late",
            "330522/a-late",
            "330522/b-late",
            "330522/half",
            "330522/fresh");
    assertThat(rows)
        .extracting(Warning::state)
        .containsExactly(
            DeadlineState.OVERDUE,
            DeadlineState.OVERDUE,
            DeadlineState.OVERDUE,
            DeadlineState.OVERDUE,
            DeadlineState.DUE_SOON,
            DeadlineState.ON_TRACK);
    // Wednesday 6 March to Friday 8 March: Thursday and Friday.
    assertThat(rows.get(4).workingDaysLeft()).isEqualTo(2);
    assertThat(rows.get(0).workingDaysLeft()).isEqualTo(-3);
  }

  @Test
  void refusesAModelThatDoesNotGiveAnOverdueCaseRiskOne() {
    RiskModel lenient =
        new RiskModel() {
          @Override
          public Risk assess(OpenCase c, Instant asOf, int workingDaysLeft) {
            return new Risk(0.5, List.of("lenient"));
          }

          @Override
          public ModelReport report() {
            return ModelReport.untrained("lenient");
          }
        };
    WarningList withLenient =
        new WarningList(new DeadlineClock(WorkingDayCalendar.china()), lenient);
    OpenCase late = open("330522", "late", "2024-03-01T01:00:00Z", "2024-03-05T01:00:00Z");

    assertThatThrownBy(() -> withLenient.at(List.of(late), AS_OF, 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("instead of 1");
  }
}
