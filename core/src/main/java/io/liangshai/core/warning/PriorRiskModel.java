package io.liangshai.core.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stated prior of SPEC §8's cold start, used until a model is learned from cases whose deadline
 * has passed: {@code risk = 1 / (1 + e^-z)} with
 *
 * <pre>
 * z = -3 + 4·u + 0.5·min(reassigned_count, 3) + 0.5·[escalated] + 0.3·[leader_instructed]
 *       + 1·[working_days_left ≤ 1]
 * </pre>
 *
 * where {@code u} in [0, 1] is the share of the deadline window ({@code received_at} to {@code
 * deadline}) already used at {@code as_of}; 1 once overdue. It rises with each input, so a case
 * that has used more of its window, was handed on more often (二次交办), was escalated (分级) or needed a
 * leader's instruction (领导批示) never ranks below one that did not. The weights are judgement, not
 * fitted: a fresh case with none of the signs has 5%, a case at its deadline with none 88%.
 */
public final class PriorRiskModel implements RiskModel {

  /** What {@code GET /api/v1/warnings/model} says of the prior. */
  public static final String STATEMENT =
      "Stated prior until a model is trained: risk = logistic(-3 + 4 x share of the deadline"
          + " window used + 0.5 x min(reassignments, 3) + 0.5 if escalated + 0.3 if leader"
          + " instructed + 1 if at most one working day is left), and 1 once overdue.";

  static final int MAX_REASSIGNMENTS = 3;

  @Override
  public Risk assess(OpenCase c, Instant asOf, int workingDaysLeft) {
    if (c.deadline().isBefore(asOf)) {
      return new Risk(1.0, List.of("past deadline"));
    }
    double used = windowUsed(c, asOf);
    List<String> reasons = new ArrayList<>();
    reasons.add("deadline window " + (int) Math.floor(used * 100) + "% used");
    double z = -3 + 4 * used;
    if (workingDaysLeft <= 1) {
      z += 1;
      reasons.add(workingDaysLeft == 1 ? "1 working day left" : "due today");
    }
    int reassigned = Math.min(c.reassignedCount(), MAX_REASSIGNMENTS);
    if (reassigned > 0) {
      z += 0.5 * reassigned;
      reasons.add("reassigned " + times(c.reassignedCount()));
    }
    if (c.escalationLevel().isEscalated()) {
      z += 0.5;
      reasons.add("escalated to " + c.escalationLevel().wireName());
    }
    if (c.leaderInstructed()) {
      z += 0.3;
      reasons.add("leader instructed");
    }
    return new Risk(round(1 / (1 + Math.exp(-z))), reasons);
  }

  @Override
  public ModelReport report() {
    return ModelReport.untrained(STATEMENT);
  }

  /** The share in [0, 1] of the time from receipt to deadline that has passed at {@code asOf}. */
  public static double windowUsed(OpenCase c, Instant asOf) {
    long window = Duration.between(c.receivedAt(), c.deadline()).toMillis();
    if (window <= 0) {
      return 1;
    }
    long elapsed = Duration.between(c.receivedAt(), asOf).toMillis();
    return Math.max(0, Math.min(1, (double) elapsed / window));
  }

  private static String times(int n) {
    return switch (n) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> n + " times";
    };
  }

  /** Four decimals: the list's order does not turn on noise, and ties fall to the deadline. */
  private static double round(double p) {
    return Math.round(p * 10_000) / 10_000.0;
  }
}
