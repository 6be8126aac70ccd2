package io.liangshai.stream;

import io.liangshai.core.indicator.RecurrenceGroup;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;

/**
 * A change to the membership of one recurrence group (same tenant, enterprise and category): a
 * case's current version joins it ({@code record} set), or the case leaves it ({@code record} null)
 * because its newest version moved to another group.
 *
 * @param origin the landed line that caused the change
 */
public record GroupChange(String groupKey, CaseKey caseKey, CaseRecord record, Origin origin) {

  static GroupChange join(CaseRecord record, Origin origin) {
    return new GroupChange(groupKeyOf(record), record.key(), record, origin);
  }

  static GroupChange leave(CaseRecord previous, Origin origin) {
    return new GroupChange(groupKeyOf(previous), previous.key(), null, origin);
  }

  /** The case's id; unique within the group, whose cases all have one tenant. */
  String caseId() {
    return caseKey.caseId();
  }

  /** The key of {@code r}'s recurrence group: {@link RecurrenceGroup#asString()}. */
  static String groupKeyOf(CaseRecord r) {
    return RecurrenceGroup.of(r).asString();
  }
}
