package io.liangshai.core.ranking;

import io.liangshai.core.record.WireNamed;

/** Where a tenant's rate lies on the funnel plot against the group's pooled rate (SPEC §4.5). */
public enum FunnelSignal implements WireNamed {
  /** Beyond the 95% limit on the better side (显著优于). */
  ABOVE,
  /** Inside the 95% limits: not distinguishable from the pooled rate. */
  WITHIN,
  /** Beyond the 95% limit on the worse side (预警). */
  BELOW,
  /** Beyond the 99.8% limit on the worse side (报警). */
  ALARM;
}
