package io.liangshai.core.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * The data-quality flags of SPEC §10 over one tenant's month ({@link MonthTally}): only tenants
 * with at least {@link #MIN_CASES} cases are judged, and shares are compared in integers, never
 * rounded ({@code a/b ≥ 30%} as {@code 100·a ≥ 30·b}). A share flag needs at least one case showing
 * the pattern.
 */
public final class QualityFlags {

  /** Tenants with fewer own cases in the month are not judged. */
  public static final int MIN_CASES = 20;

  /** Case ids given as evidence, at most. */
  public static final int EVIDENCE = 10;

  private QualityFlags() {}

  /** One flag raised: how many cases show it and some of their ids. */
  public record Raised(QualityFlag flag, long cases, List<String> evidence) {

    public Raised {
      evidence = List.copyOf(evidence.subList(0, Math.min(EVIDENCE, evidence.size())));
    }
  }

  /** Every flag {@code t} raises, in the order of {@link QualityFlag}. */
  public static List<Raised> judge(MonthTally t) {
    List<Raised> raised = new ArrayList<>();
    if (t.cases() < MIN_CASES) {
      return raised;
    }
    if (t.rewritten().cases() >= 3) {
      raised.add(raise(QualityFlag.CLOSED_AT_REWRITTEN, t.rewritten()));
    }
    if (atLeast(t.nearDeadline().cases(), t.closed(), 30)) {
      raised.add(raise(QualityFlag.CLOSED_AT_DEADLINE, t.nearDeadline()));
    }
    long w = t.withdrawn().cases();
    // w/n ≥ 3·W/N, as w·N ≥ 3·W·n; with no cases before (N = 0) the share before is 0.
    if (atLeast(w, t.cases(), 15)
        && (t.priorCases() == 0
            || Math.multiplyExact(w, t.priorCases())
                >= Math.multiplyExact(3 * t.priorWithdrawn(), t.cases()))) {
      raised.add(raise(QualityFlag.WITHDRAWAL_SPIKE, t.withdrawn()));
    }
    if (t.rated().cases() >= 30 && t.verySatisfied() == t.rated().cases()) {
      raised.add(raise(QualityFlag.UNIFORM_SATISFACTION, t.rated()));
    }
    if (atLeast(t.instant().cases(), t.closed(), 20)) {
      raised.add(raise(QualityFlag.INSTANT_CLOSING, t.instant()));
    }
    return raised;
  }

  /** {@code part/whole ≥ percent%} in integers, with at least one case in {@code part}. */
  static boolean atLeast(long part, long whole, int percent) {
    return part > 0 && Math.multiplyExact(part, 100) >= Math.multiplyExact(whole, percent);
  }

  private static Raised raise(QualityFlag flag, MonthTally.Count count) {
    return new Raised(flag, count.cases(), count.evidence());
  }
}
