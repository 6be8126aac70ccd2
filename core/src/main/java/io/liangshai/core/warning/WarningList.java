package io.liangshai.core.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SPEC §8's list: every open case judged at {@code as_of}, ordered by risk (highest first), then
 * deadline, tenant and case id.
 */
public final class WarningList {

  /** Risk descending, then deadline, tenant, case id ascending. */
  public static final Comparator<Warning> ORDER =
      Comparator.comparingDouble((Warning w) -> w.risk().probability())
          .reversed()
          .thenComparing(w -> w.openCase().deadline())
          .thenComparing(w -> w.openCase().tenant())
          .thenComparing(w -> w.openCase().caseId());

  private final DeadlineClock clock;
  private final RiskModel model;

  public WarningList(DeadlineClock clock, RiskModel model) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The rows for {@code cases} at {@code asOf}, {@code due_soon} within {@code within} days. */
  public List<Warning> at(Collection<OpenCase> cases, Instant asOf, int within) {
    Objects.requireNonNull(asOf, "asOf");
    List<OpenCase> all = List.copyOf(cases);
    // Working days left depend on the deadline's date only, and many cases share one.
    Map<LocalDate, Integer> leftByDate = new HashMap<>();
    int[] left = new int[all.size()];
    for (int i = 0; i < left.length; i++) {
      Instant deadline = all.get(i).deadline();
      left[i] =
          leftByDate.computeIfAbsent(
              DeadlineClock.date(deadline), d -> clock.workingDaysLeft(asOf, deadline));
    }
    // One call for every case: a learned model scores them together.
    List<Risk> risks = model.assessAll(all, asOf, left);
    List<Warning> rows = new ArrayList<>(left.length);
    for (int i = 0; i < left.length; i++) {
      rows.add(judge(all.get(i), asOf, left[i], within, risks.get(i)));
    }
    rows.sort(ORDER);
    return rows;
  }

  private Warning judge(OpenCase c, Instant asOf, int left, int within, Risk risk) {
    DeadlineState state = clock.state(asOf, c.deadline(), left, within);
    if (state == DeadlineState.OVERDUE && risk.probability() != 1.0) {
      throw new IllegalStateException(
          "risk model "
              + model.getClass().getSimpleName()
              + " gave an overdue case risk "
              + risk.probability()
              + " instead of 1");
    }
    return new Warning(c, left, state, risk);
  }
}
