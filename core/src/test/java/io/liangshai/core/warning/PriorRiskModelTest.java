package io.liangshai.core.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriorRiskModelTest {

  private static final Instant RECEIVED = Instant.parse("2024-03-04T02:00:00Z");
  private static final Instant DEADLINE = RECEIVED.plus(Duration.ofDays(20));

  private final PriorRiskModel prior = new PriorRiskModel();

  private static OpenCase plain(int reassigned, EscalationLevel level, boolean leader) {
    return new OpenCase(
        "330522",
        "C1",
        RECEIVED,
        DEADLINE,
        level,
        reassigned,
        leader,
        Category.OTHER,
        Channel.HOTLINE_12345);
  }

  private double risk(OpenCase c, double shareUsed, int workingDaysLeft) {
    Instant asOf = RECEIVED.plusMillis((long) (Duration.ofDays(20).toMillis() * shareUsed));
    return prior.assess(c, asOf, workingDaysLeft).probability();
  }

  @Test
  void isOneOnceOverdue() {
    Risk r = prior.assess(plain(0, EscalationLevel.COUNTY, false), DEADLINE.plusSeconds(1), -1);
    assertThat(r.probability()).isEqualTo(1.0);
    assertThat(r.reasons()).containsExactly("past deadline");
  }

  @Test
  void followsItsStatedFormula() {
    // -3 + 4 × 0.5 = -1: 1 / (1 + e) = 0.2689.
    assertThat(risk(plain(0, EscalationLevel.COUNTY, false), 0.5, 8)).isEqualTo(0.2689);
    // -3 + 4 + 0.5 × 2 + 0.5 + 0.3 + 1 = 3.8: 1 / (1 + e^-3.8) = 0.9781.
    assertThat(risk(plain(2, EscalationLevel.CITY, true), 1.0, 0)).isEqualTo(0.9781);
  }

  @Test
  void risesWithEverySignAndStaysBelowOneBeforeTheDeadline() {
    OpenCase none = plain(0, EscalationLevel.COUNTY, false);
    double previous = -1;
    for (double used = 0; used <= 1.0001; used += 0.05) {
      double r = risk(none, Math.min(used, 1), 10);
      assertThat(r).isGreaterThan(previous).isBetween(0.0, 1.0);
      previous = r;
    }
    assertThat(risk(none, 0.5, 1)).isGreaterThan(risk(none, 0.5, 2));
    assertThat(risk(plain(1, EscalationLevel.COUNTY, false), 0.5, 5))
        .isGreaterThan(risk(none, 0.5, 5));
    assertThat(risk(plain(3, EscalationLevel.COUNTY, false), 0.5, 5))
        .isGreaterThan(risk(plain(2, EscalationLevel.COUNTY, false), 0.5, 5))
        .isEqualTo(risk(plain(9, EscalationLevel.COUNTY, false), 0.5, 5));
    assertThat(risk(plain(0, EscalationLevel.PROVINCE, false), 0.5, 5))
        .isGreaterThan(risk(none, 0.5, 5));
    assertThat(risk(plain(0, EscalationLevel.COUNTY, true), 0.5, 5))
        .isGreaterThan(risk(none, 0.5, 5));
    assertThat(risk(plain(3, EscalationLevel.PROVINCE, true), 1.0, 0)).isLessThan(1.0);
  }

  @Test
  void namesWhatDrivesTheRisk() {
    Instant asOf = RECEIVED.plus(Duration.ofDays(16));
    Risk r = prior.assess(plain(2, EscalationLevel.CITY, true), asOf, 1);
    assertThat(r.reasons())
        .containsExactly(
            "deadline window 80% used",
            "1 working day left", "reassigned twice", "escalated to city", "leader instructed");
    assertThat(prior.assess(plain(0, EscalationLevel.COUNTY, false), RECEIVED, 12).reasons())
        .containsExactly("deadline window 0% used");
  }

  @Test
  void reportsNoTrainedModel() {
    ModelReport report = prior.report();
    assertThat(report.cases()).isZero();
    assertThat(report.auc()).isNull();
    assertThat(report.trainedAt()).isNull();
    assertThat(report.prior()).isEqualTo(PriorRiskModel.STATEMENT);
  }
}
