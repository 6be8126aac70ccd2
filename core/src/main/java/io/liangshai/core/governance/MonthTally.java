package io.liangshai.core.governance;

import io.liangshai.core.lang.Required;
import java.util.List;

/**
 * What the flags of SPEC §10 are judged on, for one tenant's own cases received in one month
 * (latest versions, withdrawn ones included), beside the three months before. Each {@link Count} is
 * how many cases show a pattern and up to {@link QualityFlags#EVIDENCE} of their ids.
 *
 * @param cases the month's cases, withdrawn included
 * @param closed of those, the cases whose latest version is closed
 * @param nearDeadline closed with deadline − 1 h < closed_at ≤ deadline
 * @param withdrawn withdrawn
 * @param priorCases the cases of the three months before, withdrawn included
 * @param priorWithdrawn of those, withdrawn
 * @param rated cases with a satisfaction
 * @param verySatisfied of those, rated very_satisfied
 * @param instant closed with closed_at − received_at ≤ 10 minutes
 * @param rewritten cases with two accepted closed versions whose closed_at differ
 */
public record MonthTally(
    long cases,
    long closed,
    Count nearDeadline,
    Count withdrawn,
    long priorCases,
    long priorWithdrawn,
    Count rated,
    long verySatisfied,
    Count instant,
    Count rewritten) {

  public MonthTally {
    Required.nonNull(
        "nearDeadline withdrawn rated instant rewritten",
        nearDeadline,
        withdrawn,
        rated,
        instant,
        rewritten);
  }

  /** How many cases show a pattern, and some of their ids (ascending). */
  public record Count(long cases, List<String> evidence) {

    public static final Count NONE = new Count(0, List.of());

    public Count {
      evidence = List.copyOf(evidence);
    }
  }
}
