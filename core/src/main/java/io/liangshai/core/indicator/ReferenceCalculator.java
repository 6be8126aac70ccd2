package io.liangshai.core.indicator;

import io.liangshai.core.record.CaseKey;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersions;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Deadlines;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.core.time.WorkingDayCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The indicators of SPEC §3 computed the plain way, all in memory: the oracle that the stream jobs
 * and benchmarks are checked against. It keeps the latest version of each case (see {@link
 * CaseVersions}), derives facts, and sums them per period for each tenant, its parent and so on up
 * to the root, so a city counts its own cases and all its counties' and the province counts all.
 * Records may come in any order, with duplicates and older versions; the result is the same.
 */
public final class ReferenceCalculator {

  private final TenantHierarchy hierarchy;
  private final WorkingDayCalendar calendar;

  public ReferenceCalculator(TenantHierarchy hierarchy) {
    this(hierarchy, WorkingDayCalendar.china());
  }

  public ReferenceCalculator(TenantHierarchy hierarchy, WorkingDayCalendar calendar) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * Indicators for every period of {@code kinds} that received a case (withdrawn ones included),
   * for every tenant of the hierarchy (zero counts where a tenant had no case).
   *
   * @param queryTime the time {@code overdue_open} is judged at
   * @return period → tenant code → indicators, both sorted
   */
  public SortedMap<Period, SortedMap<String, Indicators>> compute(
      Stream<CaseRecord> records, Collection<PeriodKind> kinds, Instant queryTime) {
    Map<Period, Map<String, Tally>> tallies = new HashMap<>();
    for (CaseFacts facts : facts(records)) {
      List<String> tenants = hierarchy.selfAndAncestors(facts.key().tenantCode());
      for (PeriodKind kind : kinds) {
        Map<String, Tally> byTenant =
            tallies.computeIfAbsent(facts.period(kind), p -> new HashMap<>());
        if (!facts.withdrawn()) {
          tenants.forEach(t -> byTenant.computeIfAbsent(t, x -> new Tally()).add(facts, queryTime));
        }
      }
    }
    return table(tallies);
  }

  /** The facts of the latest version of every case in {@code records}. */
  public List<CaseFacts> facts(Stream<CaseRecord> records) {
    return latestCases(records).stream().map(LatestCase::facts).toList();
  }

  /** The latest version of every case in {@code records}, with its facts. */
  public List<LatestCase> latestCases(Stream<CaseRecord> records) {
    Collection<CaseRecord> latest = CaseVersions.latest(records).values();
    Set<CaseKey> recurrences = RecurrenceRule.recurrences(latest);
    List<LatestCase> cases = new ArrayList<>(latest.size());
    for (CaseRecord record : latest) {
      Instant deadline = Deadlines.effective(record.deadline(), record.receivedAt(), calendar);
      boolean recurrence = recurrences.contains(record.key());
      cases.add(new LatestCase(record, recurrence, CaseFacts.of(record, recurrence, deadline)));
    }
    return cases;
  }

  /** The hierarchy the figures roll up through. */
  public TenantHierarchy hierarchy() {
    return hierarchy;
  }

  private SortedMap<Period, SortedMap<String, Indicators>> table(
      Map<Period, Map<String, Tally>> tallies) {
    Set<String> allTenants = new TreeSet<>(hierarchy.codes());
    tallies.values().forEach(byTenant -> allTenants.addAll(byTenant.keySet()));
    SortedMap<Period, SortedMap<String, Indicators>> table = new TreeMap<>();
    tallies.forEach(
        (period, byTenant) -> {
          SortedMap<String, Indicators> row = new TreeMap<>();
          for (String tenant : allTenants) {
            row.put(tenant, byTenant.getOrDefault(tenant, new Tally()).indicators());
          }
          table.put(period, row);
        });
    return table;
  }

  private static final class Tally {
    private IndicatorCounts counts = IndicatorCounts.ZERO;
    private long overdueOpen;

    void add(CaseFacts facts, Instant queryTime) {
      counts = counts.plus(facts.contribution());
      if (facts.isOverdueOpenAt(queryTime)) {
        overdueOpen++;
      }
    }

    Indicators indicators() {
      return new Indicators(counts, overdueOpen);
    }
  }
}
