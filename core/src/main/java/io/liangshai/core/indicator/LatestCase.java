package io.liangshai.core.indicator;

import io.liangshai.core.record.CaseRecord;
import java.util.Objects;

/**
 * The latest version of one case with its facts, as {@link ReferenceCalculator} derives them: what
 * an in-memory evaluation of any case filter needs.
 *
 * @param recurrence whether {@link RecurrenceRule} found the case to be a recurrence (also for a
 *     withdrawn case, whose {@link CaseFacts#contribution()} is zero)
 */
public record LatestCase(CaseRecord record, boolean recurrence, CaseFacts facts) {

  public LatestCase {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(facts, "facts");
  }
}
