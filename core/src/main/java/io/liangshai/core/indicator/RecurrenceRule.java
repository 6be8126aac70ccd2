package io.liangshai.core.indicator;

import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 重发复发: a case C is a recurrence when another case P of the same {@link RecurrenceGroup} is closed
 * with {@code P.closed_at} in {@code [C.received_at − 90 days, C.received_at)}, 90 days being
 * exactly 90 × 24 hours. A withdrawn or unclosed P never counts; a withdrawn C is never a
 * recurrence (it is excluded from every count). Apply it to the latest version of each case.
 */
public final class RecurrenceRule {

  /** How far back a closed case makes a new one a recurrence. */
  public static final Duration WINDOW = Duration.ofDays(90);

  private RecurrenceRule() {}

  /**
   * True when a case closed at {@code priorClosedAt} precedes one received at {@code receivedAt}.
   */
  public static boolean inWindow(Instant receivedAt, Instant priorClosedAt) {
    return !priorClosedAt.isBefore(receivedAt.minus(WINDOW)) && priorClosedAt.isBefore(receivedAt);
  }

  /** The recurrences among {@code cases}, which may belong to any number of groups. */
  public static Set<CaseKey> recurrences(Collection<CaseRecord> cases) {
    Map<RecurrenceGroup, List<CaseRecord>> groups =
        cases.stream().collect(Collectors.groupingBy(RecurrenceGroup::of));
    Set<CaseKey> recurrences = new HashSet<>();
    groups.values().forEach(group -> recurrences.addAll(recurrencesInGroup(group)));
    return recurrences;
  }

  /**
   * The recurrences among the cases of one group.
   *
   * @throws IllegalArgumentException when the cases are not all of one group
   */
  public static Set<CaseKey> recurrencesInGroup(Collection<CaseRecord> group) {
    if (group.stream().map(RecurrenceGroup::of).distinct().count() > 1) {
      throw new IllegalArgumentException("cases of more than one recurrence group");
    }
    List<CaseRecord> closed = new ArrayList<>();
    for (CaseRecord c : group) {
      if (c.isClosed()) {
        closed.add(c);
      }
    }
    closed.sort(Comparator.comparing(CaseRecord::closedAt));
    Set<CaseKey> recurrences = new HashSet<>();
    for (CaseRecord c : group) {
      if (!c.isWithdrawn() && hasPriorClosed(c, closed)) {
        recurrences.add(c.key());
      }
    }
    return recurrences;
  }

  private static boolean hasPriorClosed(CaseRecord c, List<CaseRecord> closedByClosedAt) {
    Instant from = c.receivedAt().minus(WINDOW);
    for (int i = firstClosedAtOrAfter(closedByClosedAt, from); i < closedByClosedAt.size(); i++) {
      CaseRecord p = closedByClosedAt.get(i);
      if (!inWindow(c.receivedAt(), p.closedAt())) {
        return false;
      }
      if (!p.key().equals(c.key())) {
        return true;
      }
    }
    return false;
  }

  private static int firstClosedAtOrAfter(List<CaseRecord> closedByClosedAt, Instant from) {
    int low = 0;
    int high = closedByClosedAt.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (closedByClosedAt.get(mid).closedAt().isBefore(from)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
