package io.liangshai.core.evaluation;

import io.liangshai.core.indicator.OverdueRule;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.WireNamed;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A filter over cases (SPEC §7): every key it has must hold; the empty filter matches every case. A
 * list key holds when the case's value is one of the list's (a case without a satisfaction matches
 * no {@code satisfaction} list); a boolean key holds when the case's fact has that value, so {@code
 * "overdue_closed": false} matches open cases and cases closed in time. Made by {@link
 * CaseFilterParser}; evaluated in memory by {@link #matches} and in ClickHouse by the warehouse's
 * compilation of it.
 *
 * @param lists list keys to their non-empty sets of enum constants
 * @param flags boolean keys to the value the case's fact must have
 */
public record CaseFilter(Map<FilterKey, Set<WireNamed>> lists, Map<FilterKey, Boolean> flags) {

  /** The filter without keys: every case. */
  public static final CaseFilter ALL = new CaseFilter(Map.of(), Map.of());

  public CaseFilter {
    Map<FilterKey, Set<WireNamed>> sets = new EnumMap<>(FilterKey.class);
    copy(lists).forEach((k, v) -> sets.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    lists = Collections.unmodifiableMap(sets);
    flags = Collections.unmodifiableMap(copy(flags));
    lists.forEach(
        (key, values) -> {
          if (!key.isList() || values.isEmpty()) {
            throw new IllegalArgumentException(key.wireName() + " needs a non-empty list");
          }
        });
    flags.keySet().stream()
        .filter(FilterKey::isList)
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException(k.wireName() + " is a list key, not a boolean");
            });
  }

  private static <V> Map<FilterKey, V> copy(Map<FilterKey, V> map) {
    Objects.requireNonNull(map, "filter keys");
    return map.isEmpty() ? Map.of() : new EnumMap<>(map);
  }

  /**
   * Whether the case whose latest version is {@code r} matches.
   *
   * @param recurrence whether the case is a recurrence (SPEC §3)
   * @param deadline the case's effective deadline (given or derived)
   */
  public boolean matches(CaseRecord r, boolean recurrence, Instant deadline) {
    for (Map.Entry<FilterKey, Set<WireNamed>> list : lists.entrySet()) {
      if (!list.getValue().contains(listValue(list.getKey(), r))) {
        return false;
      }
    }
    for (Map.Entry<FilterKey, Boolean> flag : flags.entrySet()) {
      if (fact(flag.getKey(), r, recurrence, deadline) != flag.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static WireNamed listValue(FilterKey key, CaseRecord r) {
    return switch (key) {
      case CATEGORY -> r.category();
      case CHANNEL -> r.channel();
      case ESCALATION_LEVEL -> r.escalationLevel();
      case SATISFACTION -> r.satisfaction();
      default -> throw new IllegalStateException(key + " is not a list key");
    };
  }

  private static boolean fact(FilterKey key, CaseRecord r, boolean recurrence, Instant deadline) {
    return switch (key) {
      case CLOSED -> r.isClosed();
      case OVERDUE_CLOSED -> OverdueRule.isClosedLate(r.status(), r.closedAt(), deadline);
      case RECURRENCE -> recurrence;
      case RATED -> r.satisfaction() != null;
      case LEADER_INSTRUCTED -> r.leaderInstructed();
      case REASSIGNED -> r.reassignedCount() >= 1;
      default -> throw new IllegalStateException(key + " is not a boolean key");
    };
  }

  /** The filter as JSON would hold it: key → list of wire names, or key → boolean, SPEC order. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (FilterKey key : FilterKey.values()) {
      if (lists.containsKey(key)) {
        List<String> names = lists.get(key).stream().map(WireNamed::wireName).toList();
        json.put(key.wireName(), names);
      } else if (flags.containsKey(key)) {
        json.put(key.wireName(), flags.get(key));
      }
    }
    return json;
  }
}
