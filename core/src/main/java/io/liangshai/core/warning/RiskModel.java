package io.liangshai.core.warning;

import java.time.Instant;

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

  /** What {@code GET /api/v1/warnings/model} reports about this model. */
  ModelReport report();
}
