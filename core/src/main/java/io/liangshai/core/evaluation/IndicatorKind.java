package io.liangshai.core.evaluation;

import io.liangshai.core.record.WireNamed;

/** How an indicator's value is obtained (SPEC §7). */
public enum IndicatorKind implements WireNamed {
  /** n/d over cases: the denominator filter's cases (d), those also matching the numerator (n). */
  CASE_RATIO,
  /** Mean handling time in days of the closed cases matching a filter. */
  CASE_MEAN_DAYS,
  /** Values uploaded by tenants, month by month. */
  REPORTED
}
