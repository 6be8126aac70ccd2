package io.liangshai.stream;

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

  static String caseKeyOf(CaseRecord r) {
    return r.tenantCode() + '|' + r.caseId();
  }
}
