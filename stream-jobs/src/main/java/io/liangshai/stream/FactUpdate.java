package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;

/** A case version together with whether its recurrence group makes it a recurrence (重发复发). */
public record FactUpdate(String caseKey, CaseRecord record, boolean recurrence) {

  static String caseKeyOf(CaseRecord r) {
    return r.tenantCode() + '|' + r.caseId();
  }
}
