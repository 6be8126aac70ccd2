package io.liangshai.core.evaluation;

import io.liangshai.core.record.Category;
import io.liangshai.core.record.Channel;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.record.WireNamed;
import java.util.Arrays;
import java.util.List;

/** The keys of a case filter (SPEC §7), under their wire names, in the SPEC's order. */
public enum FilterKey implements WireNamed {
  CATEGORY(Category.class),
  CHANNEL(Channel.class),
  ESCALATION_LEVEL(EscalationLevel.class),
  SATISFACTION(Satisfaction.class),
  /** Status {@code closed}. */
  CLOSED,
  /** Closed with {@code closed_at > deadline}. */
  OVERDUE_CLOSED,
  /** A recurrence (SPEC §3). */
  RECURRENCE,
  /** Has a satisfaction. */
  RATED,
  LEADER_INSTRUCTED,
  /** {@code reassigned_count ≥ 1}. */
  REASSIGNED;

  private final Class<? extends Enum<?>> values;

  FilterKey() {
    this(null);
  }

  FilterKey(Class<? extends Enum<?>> values) {
    this.values = values;
  }

  /** Whether the key holds a list of enum values (else a boolean). */
  public boolean isList() {
    return values != null;
  }

  /** For a list key, the constants of the §2 enum its values come from, in order; else none. */
  public List<WireNamed> constants() {
    return values == null
        ? List.of()
        : Arrays.stream(values.getEnumConstants()).map(WireNamed.class::cast).toList();
  }
}
