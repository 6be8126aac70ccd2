package io.liangshai.stream;

import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;

/**
 * A case version together with whether its recurrence group makes it a recurrence (重发复发).
 *
 * @param origin the landed line whose group change caused this update
 */
public record FactUpdate(String caseKey, CaseRecord record, boolean recurrence, Origin origin) {

  /** An update whose origin the recurrence groups fill in as they send it on. */
  public FactUpdate(String caseKey, CaseRecord record, boolean recurrence) {
    this(caseKey, record, recurrence, Origin.NONE);
  }

  FactUpdate from(Origin o) {
    return new FactUpdate(caseKey, record, recurrence, o);
  }

  /** An update of {@code record}'s case, keyed by its {@link CaseKey#asString()}. */
  static FactUpdate of(CaseRecord record, boolean recurrence) {
    return new FactUpdate(record.key().asString(), record, recurrence);
  }
}
