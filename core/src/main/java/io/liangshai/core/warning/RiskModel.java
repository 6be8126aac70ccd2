package io.liangshai.core.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the risk that an open case misses its deadline (SPEC §8). The stated prior ({@link
 * PriorRiskModel}) answers until a model learned from the platform's own history replaces it.
 */
public interface RiskModel {

  /**
   * The risk of {@code c} at {@code asOf}; 1 when it is already overdue.
   *
   * @param workingDaysLeft {@link DeadlineClock#workingDaysLeft} of the case at {@code asOf}
   */
  Risk assess(OpenCase c, Instant asOf, int workingDaysLeft);

  /**
   * The risks of {@code cases} at {@code asOf}, in their order; {@code workingDaysLeft[i]} is that
   * of {@code cases.get(i)}. A model that answers many cases at once faster overrides it.
   */
  default List<Risk> assessAll(List<OpenCase> cases, Instant asOf, int[] workingDaysLeft) {
    List<Risk> risks = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      risks.add(assess(cases.get(i), asOf, workingDaysLeft[i]));
    }
    return risks;
  }

  /** What {@code GET /api/v1/warnings/model} reports about this model. */
  ModelReport report();
}
