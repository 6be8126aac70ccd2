package io.liangshai.risk;

import io.liangshai.core.warning.PastCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each tenant's own record of missed deadlines, as known at an instant: of its cases whose deadline
 * was before that instant, the share that missed it (closed late, or still open past it — known by
 * then either way). Shrunk towards the share of all tenants with the weight of {@link #PRIOR_CASES}
 * cases, so a tenant with few past cases is not judged on two of them.
 */
final class TenantRecord {

  /** How many cases' worth of weight the all-tenant share has in each tenant's. */
  static final double PRIOR_CASES = 20;

  private final Map<String, long[]> deadlines = new HashMap<>();
  private final Map<String, int[]> missedBefore = new HashMap<>();
  private final double overall;

  /** The record of {@code cases}, each judged at {@code horizon}. */
  TenantRecord(List<PastCase> cases, Instant horizon) {
    Map<String, List<PastCase>> byTenant = new HashMap<>();
    long missed = 0;
    for (PastCase p : cases) {
      byTenant.computeIfAbsent(p.openCase().tenant(), t -> new ArrayList<>()).add(p);
      missed += p.missed(horizon) ? 1 : 0;
    }
    this.overall = cases.isEmpty() ? 0 : (double) missed / cases.size();
    for (Map.Entry<String, List<PastCase>> e : byTenant.entrySet()) {
      List<PastCase> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparing(p -> p.openCase().deadline()));
      long[] at = new long[sorted.size()];
      int[] before = new int[sorted.size() + 1];
      for (int i = 0; i < at.length; i++) {
        at[i] = sorted.get(i).openCase().deadline().toEpochMilli();
        before[i + 1] = before[i] + (sorted.get(i).missed(horizon) ? 1 : 0);
      }
      deadlines.put(e.getKey(), at);
      missedBefore.put(e.getKey(), before);
    }
  }

  /** The share of all the cases that missed their deadline. */
  double overall() {
    return overall;
  }

  /** {@code tenant}'s shrunk share among its cases whose deadline is before {@code at}. */
  double share(String tenant, Instant at) {
    long[] at0 = deadlines.get(tenant);
    if (at0 == null) {
      return overall;
    }
    int i = Arrays.binarySearch(at0, at.toEpochMilli());
    // The number of deadlines strictly before at.
    int n = i >= 0 ? first(at0, i) : -i - 1;
    return (missedBefore.get(tenant)[n] + PRIOR_CASES * overall) / (n + PRIOR_CASES);
  }

  private static int first(long[] sorted, int found) {
    int i = found;
    while (i > 0 && sorted[i - 1] == sorted[found]) {
      i--;
    }
    return i;
  }
}
