package io.liangshai.risk;

import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.PastCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cases whose chance of missing a 10-day deadline is known: 10% plus 40 points for a project case,
 * 20 for each reassignment and 20 in tenant 330522; a late case closes after its deadline (or
 * never), a case in time at a uniform point of its window.
 */
final class SyntheticHistory {

  static final Instant FROM = Instant.parse("2024-01-01T01:00:00Z");
  static final Duration WINDOW = Duration.ofDays(10);
  static final String[] TENANTS = {"330522", "330521", "330102", "330381"};

  /** One case and whether it really missed its deadline. */
  record Truth(PastCase past, boolean missed, double chance) {}

  private SyntheticHistory() {}

  static double chance(Category category, int reassigned, String tenant) {
    return Math.min(
        0.95,
        0.10
            + (category == Category.PROJECT ? 0.40 : 0)
            + 0.20 * reassigned
            + (tenant.equals("330522") ? 0.20 : 0));
  }

  /** {@code n} cases received over {@code days} days from {@link #FROM}. */
  static List<Truth> cases(int n, int days, long seed) {
    Random r = new Random(seed);
    List<Truth> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String tenant = TENANTS[r.nextInt(TENANTS.length)];
      Category category = r.nextInt(4) == 0 ? Category.PROJECT : Category.POLICY;
      int reassigned = r.nextInt(5) == 0 ? 1 : 0;
      Instant received = FROM.plusSeconds((long) (r.nextDouble() * days * 86_400));
      Instant deadline = received.plus(WINDOW);
      OpenCase c =
          new OpenCase(
              tenant,
              "C" + seed + "-" + i,
              received,
              deadline,
              EscalationLevel.COUNTY,
              reassigned,
              false,
              category,
              Channel.values()[r.nextInt(3)]);
      double chance = chance(category, reassigned, tenant);
      boolean missed = r.nextDouble() < chance;
      Instant closed =
          missed
              ? (r.nextInt(3) == 0 ? null : deadline.plusSeconds(1 + r.nextInt(5 * 86_400)))
              : received.plusSeconds((long) (r.nextDouble() * WINDOW.toSeconds()));
      PastCase p =
          new PastCase(c, closed == null ? CaseStatus.IN_PROGRESS : CaseStatus.CLOSED, closed);
      out.add(new Truth(p, missed, chance));
    }
    return out;
  }

  static List<PastCase> past(List<Truth> truths) {
    return truths.stream().map(Truth::past).toList();
  }
}
