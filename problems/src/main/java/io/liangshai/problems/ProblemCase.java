package io.liangshai.problems;

import java.util.Objects;

/**
 * One case as the grouping sees it: who holds it, its section (category, a wire name) and its
 * free-text description (null when the case has none).
 */
public record ProblemCase(String tenant, String caseId, String category, String description) {

  public ProblemCase {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(category, "category");
  }

  /** {@code tenant/case_id}: unique across tenants, the order every step of the grouping uses. */
  public String key() {
    return tenant + "/" + caseId;
  }
}
