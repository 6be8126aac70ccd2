package io.liangshai.stream;

import io.liangshai.core.record.CaseRecord;

/**
 * A change to the membership of one recurrence group (same tenant, enterprise and category): a
 * case's current version joins it ({@code record} set), or the case leaves it ({@code record} null)
 * because its newest version moved to another group.
 *
 * @param origin the landed line that caused the change
 */
public record GroupChange(String groupKey, String caseId, CaseRecord record, Origin origin) {

  static GroupChange join(CaseRecord record, Origin origin) {
    return new GroupChange(groupKeyOf(record), record.caseId(), record, origin);
  }

  static GroupChange leave(CaseRecord previous, Origin origin) {
    return new GroupChange(groupKeyOf(previous), previous.caseId(), null, origin);
  }

  static String groupKeyOf(CaseRecord r) {
    return r.tenantCode() + '|' + r.enterpriseUscc() + '|' + r.category().wireName();
  }
}
