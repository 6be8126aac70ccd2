package io.liangshai.launcher;

import java.util.Map;

/**
 * What makes a generated case slow to close when {@code bin/liangshai generate --risk-by-case} asks
 * for it: each driver adds to the logarithm of the days to close (median 5 days, σ 0.8, against a
 * 10-day deadline, so a case with none misses it about 19% of the time and one with +1 about 65%).
 * Project, legal and finance cases are slower, policy and general ones quicker; enterprise visits
 * and leader-assigned cases quicker, department referrals slower; escalation, each reassignment and
 * a leader's instruction slower (the signs of a hard case); and each tenant has its own pace, from
 * -0.6 to +0.6 by its code. The early-warning model has something to learn, and its test knows the
 * truth.
 */
final class OverdueDrivers {

  private static final Map<String, Double> CATEGORY =
      Map.of("project", 0.8, "legal", 0.6, "finance", 0.5, "policy", -0.5, "general", -0.4);
  private static final Map<String, Double> CHANNEL =
      Map.of("enterprise_visit", -0.5, "leader_assigned", -0.4, "department_referral", 0.5);
  private static final Map<String, Double> ESCALATION = Map.of("city", 0.5, "province", 0.8);

  private OverdueDrivers() {}

  /** The shift of log(days to close) for a case with these fields (wire names). */
  static double shift(
      String tenant,
      String category,
      String channel,
      String escalation,
      int reassigned,
      boolean leader) {
    return CATEGORY.getOrDefault(category, 0.0)
        + CHANNEL.getOrDefault(channel, 0.0)
        + ESCALATION.getOrDefault(escalation, 0.0)
        + 0.5 * reassigned
        + (leader ? 0.4 : 0)
        + tenantPace(tenant);
  }

  /** A tenant's own pace: -0.6 to +0.6 in steps of 0.15, fixed by its code. */
  static double tenantPace(String tenant) {
    return (Math.floorMod(tenant.hashCode() * 31 + 7, 9) - 4) * 0.15;
  }
}
