package io.liangshai.reports.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant on a red or black list, with the funnel signals that put it there, e.g. {@code
 * satisfaction_rate:above}.
 */
public record ListEntry(
    String tenant, String name, int rank, BigDecimal score, List<String> evidence) {

  public ListEntry {
    evidence = List.copyOf(evidence);
  }
}
