package io.liangshai.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.indicator.RecurrenceRule;
import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a recurrence-group operator has told downstream, checked as it goes: the changed case gets
 * one update; any other case's update must flip the verdict it was last sent (copy-and-sort sends
 * nothing else); and at any time the verdicts sent equal {@link RecurrenceRule} on the current
 * members.
 */
final class SentVerdicts {

  private final Map<String, CaseRecord> members = new HashMap<>();
  private final Map<String, Boolean> verdicts = new HashMap<>();

  /** Records {@code change} and checks the updates the operator sent for it. */
  void apply(GroupChange change, Collection<FactUpdate> updates) {
    String changed = change.record() == null ? null : change.record().key().asString();
    if (change.record() == null) {
      CaseRecord left = members.get(key(change));
      if (left != null && GroupChange.groupKeyOf(left).equals(change.groupKey())) {
        members.remove(key(change));
        verdicts.remove(key(change));
      }
    } else {
      members.put(changed, change.record());
    }
    int own = 0;
    for (FactUpdate u : updates) {
      assertThat(u.record()).isEqualTo(members.get(u.caseKey()));
      if (u.caseKey().equals(changed)) {
        own++;
      } else {
        assertThat(verdicts.get(u.caseKey()))
            .as("%s: an update for %s that flips nothing", change, u.caseKey())
            .isEqualTo(!u.recurrence());
      }
      verdicts.put(u.caseKey(), u.recurrence());
    }
    assertThat(own)
        .as("updates for the changed case of %s", change)
        .isEqualTo(changed == null ? 0 : 1);
  }

  /** Checks that the verdicts sent are the rule's on the current members. */
  void assertEqualsTheRule(String when) {
    Set<CaseKey> recurrences = RecurrenceRule.recurrences(members.values());
    for (Map.Entry<String, CaseRecord> m : members.entrySet()) {
      assertThat(verdicts.get(m.getKey()))
          .as("%s: %s", when, m.getKey())
          .isEqualTo(recurrences.contains(m.getValue().key()));
    }
  }

  Collection<CaseRecord> members() {
    return members.values();
  }

  private static String key(GroupChange change) {
    return change.caseKey().asString();
  }
}
