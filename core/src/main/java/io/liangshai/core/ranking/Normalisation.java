package io.liangshai.core.ranking;

import io.liangshai.core.record.WireNamed;

/**
 * How a scheme turns one indicator's values into 0–100 scores over the eligible tenants (标准化方法).
 * Every method gives 100 for the best value, a missing value scores 0, and when every eligible
 * value is equal (no spread) the relative methods give everyone 100. See {@code
 * docs/methodology.md}.
 */
public enum Normalisation implements WireNamed {
  /** SPEC §4: {@code 100·(x − min)/(max − min)}, mirrored for lower-better. */
  MIN_MAX,
  /** {@code 50 + 10·z} with the population z-score, mirrored for lower-better, clamped to 0–100. */
  Z_SCORE,
  /**
   * Fixed goalposts per indicator: linear from the worst goalpost (0) to the best (100), clamped.
   */
  TARGET,
  /** {@code 100·(worse + (equal − 1)/2)/(n − 1)}: the share of other tenants a value beats. */
  PERCENTILE_RANK;
}
