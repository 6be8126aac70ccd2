package io.liangshai.core.warning;

import java.time.Instant;
import java.time.LocalDate;
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
    // Working days left depend on the deadline's date only, and many cases share one.
    Map<LocalDate, Integer> leftByDate = new HashMap<>();
    return cases.stream()
        .map(
            c -> {
              int left =
                  leftByDate.computeIfAbsent(
                      DeadlineClock.date(c.deadline()),
                      d -> clock.workingDaysLeft(asOf, c.deadline()));
              return judge(c, asOf, left, within);
            })
        .sorted(ORDER)
        .toList();
  }

  private Warning judge(OpenCase c, Instant asOf, int left, int within) {
    DeadlineState state = clock.state(asOf, c.deadline(), left, within);
    Risk risk = model.assess(c, asOf, left);
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
