package io.liangshai.core.evaluation;

import io.liangshai.core.indicator.CaseFacts;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.record.EscalationLevel;
import io.liangshai.core.record.Satisfaction;
import io.liangshai.core.record.WireNamed;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Each additive count of SPEC §3 ({@link IndicatorCounts}) as the {@link CaseFilter} whose matching
 * cases it counts, so that a query over stored case facts can count them with the filters' own
 * compilation (e.g. grouped by category for the 1+8+N view) instead of a second copy of the rules.
 * The enum sets come from the enums' own predicates ({@link Satisfaction#isSatisfied}, {@link
 * EscalationLevel#isEscalated}); {@code CountFiltersTest} holds every filter equal to {@link
 * CaseFacts#contribution()} case by case on the sample feed.
 */
public final class CountFilters {

  private static final Map<Indicator, CaseFilter> FILTERS = filters();

  private CountFilters() {}

  /** The additive counts, in SPEC order, each with the filter of the cases it counts. */
  public static Map<Indicator, CaseFilter> all() {
    return FILTERS;
  }

  private static Map<Indicator, CaseFilter> filters() {
    Map<Indicator, CaseFilter> all = new EnumMap<>(Indicator.class);
    all.put(Indicator.RECEIVED, CaseFilter.ALL);
    all.put(Indicator.CLOSED, flag(FilterKey.CLOSED));
    all.put(Indicator.OVERDUE_CLOSED, flag(FilterKey.OVERDUE_CLOSED));
    all.put(Indicator.RECURRENCES, flag(FilterKey.RECURRENCE));
    all.put(Indicator.RATED, flag(FilterKey.RATED));
    all.put(
        Indicator.SATISFIED,
        list(FilterKey.SATISFACTION, Satisfaction.class, Satisfaction::isSatisfied));
    all.put(
        Indicator.DISSATISFIED,
        list(FilterKey.SATISFACTION, Satisfaction.class, Satisfaction::isDissatisfied));
    all.put(Indicator.REASSIGNED, flag(FilterKey.REASSIGNED));
    all.put(Indicator.LEADER_INSTRUCTED, flag(FilterKey.LEADER_INSTRUCTED));
    all.put(
        Indicator.ESCALATED,
        list(FilterKey.ESCALATION_LEVEL, EscalationLevel.class, EscalationLevel::isEscalated));
    return Collections.unmodifiableMap(all);
  }

  private static CaseFilter flag(FilterKey key) {
    return new CaseFilter(Map.of(), Map.of(key, true));
  }

  private static <E extends WireNamed> CaseFilter list(
      FilterKey key, Class<E> type, Predicate<E> in) {
    Set<WireNamed> values = new LinkedHashSet<>();
    key.constants().stream().map(type::cast).filter(in).forEach(values::add);
    return new CaseFilter(Map.of(key, values), Map.of());
  }
}
