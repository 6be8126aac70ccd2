package io.liangshai.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.Category;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.PastCase;
import io.liangshai.core.warning.Risk;
import io.liangshai.core.warning.RiskModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RiskTrainerTest {

  private static final DeadlineClock CLOCK = new DeadlineClock(WorkingDayCalendar.china());

  /** 90 days of history; every deadline has passed at the horizon. */
  private static final List<SyntheticHistory.Truth> HISTORY = SyntheticHistory.cases(4_000, 90, 1);

  private static final Instant HORIZON = SyntheticHistory.FROM.plus(Duration.ofDays(101));
  private static final Instant TRAINED_AT = Instant.parse("2024-05-01T00:00:00Z");

  private static RiskModel model;
  private static long trainingMillis;

  @BeforeAll
  static void train() {
    long began = System.nanoTime();
    model =
        new RiskTrainer(CLOCK)
            .train(SyntheticHistory.past(HISTORY), HORIZON, TRAINED_AT)
            .orElseThrow();
    trainingMillis = (System.nanoTime() - began) / 1_000_000;
  }

  @Test
  void reportsItsHeldOutQualityOnTheLatestDeadlines() {
    ModelReport r = model.report();
    List<Instant> deadlines =
        HISTORY.stream().map(t -> t.past().openCase().deadline()).sorted().toList();

    assertThat(r.cases()).isEqualTo(HISTORY.size());
    assertThat(r.trainedFrom()).isEqualTo(deadlines.get(0));
    assertThat(r.trainedTo()).isEqualTo(deadlines.get(deadlines.size() - 1));
    assertThat(r.trainedAt()).isEqualTo(TRAINED_AT);
    // The best possible AUC on these cases is about 0.75 (the chances are known).
    assertThat(r.auc()).isGreaterThan(0.68);
    assertThat(r.brier()).isLessThan(r.baseRate() * (1 - r.baseRate()));
    assertThat(trainingMillis).as("training 4,000 cases").isLessThan(20_000);
  }

  /**
   * Cases of a later month still open halfway through their window (as the list would show them),
   * judged then, against what happened.
   */
  @Test
  void ranksAndCalibratesCasesItHasNotSeen() {
    List<SyntheticHistory.Truth> fresh =
        SyntheticHistory.cases(3_000, 30, 2).stream()
            .filter(
                t ->
                    t.past()
                        .openAt(
                            t.past()
                                .openCase()
                                .receivedAt()
                                .plus(SyntheticHistory.WINDOW.dividedBy(2))))
            .toList();
    List<OpenCase> open = new ArrayList<>();
    int[] left = new int[fresh.size()];
    Instant asOf = HORIZON.plus(Duration.ofDays(20));
    // Shift each case so that asOf is halfway through its window.
    for (int i = 0; i < fresh.size(); i++) {
      OpenCase c = fresh.get(i).past().openCase();
      Instant received = asOf.minus(SyntheticHistory.WINDOW.dividedBy(2));
      OpenCase shifted =
          new OpenCase(
              c.tenant(),
              c.caseId(),
              received,
              received.plus(SyntheticHistory.WINDOW),
              c.escalationLevel(),
              c.reassignedCount(),
              c.leaderInstructed(),
              c.category(),
              c.channel());
      open.add(shifted);
      left[i] = CLOCK.workingDaysLeft(asOf, shifted.deadline());
    }
    List<Risk> risks = model.assessAll(open, asOf, left);

    double[] p = risks.stream().mapToDouble(Risk::probability).toArray();
    boolean[] missed = new boolean[p.length];
    double meanP = 0;
    double rate = 0;
    for (int i = 0; i < p.length; i++) {
      missed[i] = fresh.get(i).missed();
      meanP += p[i] / p.length;
      rate += (missed[i] ? 1.0 : 0) / p.length;
    }
    assertThat(pairwiseAuc(p, missed)).isGreaterThan(0.68);
    // Calibrated in the large: the mean risk is the share that missed, within sampling error.
    assertThat(meanP).isCloseTo(rate, org.assertj.core.data.Offset.offset(0.05));
    // The riskiest group (a reassigned project case in 330522, chance 0.9; 0.95 once open at
    // half its window) is told apart.
    double riskiest = 0;
    int n = 0;
    for (int i = 0; i < p.length; i++) {
      if (fresh.get(i).chance() > 0.85) {
        riskiest += p[i];
        n++;
      }
    }
    assertThat(riskiest / n).isGreaterThan(0.7);
  }

  @Test
  void namesWhatDrivesEachRisk() {
    OpenCase project =
        HISTORY.stream()
            .map(t -> t.past().openCase())
            .filter(c -> c.category() == Category.PROJECT && c.tenant().equals("330522"))
            .findFirst()
            .orElseThrow();
    Instant asOf = project.receivedAt().plus(Duration.ofDays(2));
    Risk r = model.assess(project, asOf, CLOCK.workingDaysLeft(asOf, project.deadline()));

    assertThat(r.reasons()).contains("category project").hasSizeLessThanOrEqualTo(3);
    Risk overdue = model.assess(project, project.deadline().plusSeconds(1), -1);
    assertThat(overdue.probability()).isEqualTo(1.0);
    assertThat(overdue.reasons()).containsExactly("past deadline");
  }

  @Test
  void theSameDataGivesTheSameModel() {
    List<PastCase> shuffled = new ArrayList<>(SyntheticHistory.past(HISTORY));
    shuffled.sort(Comparator.comparing(p -> p.openCase().caseId()));
    RiskModel again = new RiskTrainer(CLOCK).train(shuffled, HORIZON, TRAINED_AT).orElseThrow();

    assertThat(again.report()).isEqualTo(model.report());
    OpenCase c = HISTORY.get(7).past().openCase();
    Instant asOf = c.receivedAt().plus(Duration.ofDays(3));
    int left = CLOCK.workingDaysLeft(asOf, c.deadline());
    assertThat(again.assess(c, asOf, left)).isEqualTo(model.assess(c, asOf, left));
  }

  @Test
  void tooFewCasesLearnNothing() {
    assertThat(
            new RiskTrainer(CLOCK)
                .train(
                    SyntheticHistory.past(HISTORY.subList(0, RiskTrainer.MIN_CASES - 1)),
                    HORIZON,
                    TRAINED_AT))
        .isEmpty();
  }

  /** The share of (missed, met) pairs the risks order correctly, ties half: AUC by definition. */
  static double pairwiseAuc(double[] p, boolean[] missed) {
    double right = 0;
    long pairs = 0;
    for (int i = 0; i < p.length; i++) {
      if (!missed[i]) {
        continue;
      }
      for (int j = 0; j < p.length; j++) {
        if (missed[j]) {
          continue;
        }
        pairs++;
        right += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
      }
    }
    return right / pairs;
  }
}
