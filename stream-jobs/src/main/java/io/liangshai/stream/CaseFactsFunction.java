package io.liangshai.stream;

import io.liangshai.core.indicator.CaseFacts;
import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseVersions;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Deadlines;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.CaseFactsTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by case: turns the case's current version and recurrence verdict into its facts, and sends
 * on, for every tenant it counts for (its own, its city, the province) and every period kind, the
 * difference between its new contribution and the one counted before — the retraction that keeps
 * every figure exact when a case changes. Updates about an older version than the one held (from a
 * group the case has left) are ignored. An update it cannot process goes to the {@link Quarantine},
 * the case's state and counts as they were.
 */
public class CaseFactsFunction extends KeyedProcessFunction<String, FactUpdate, CountDelta> {

  /** Side output: the case's facts row for {@code case_facts}. */
  public static final OutputTag<CaseFactRow> FACTS = new OutputTag<>("case-facts") {};

  private final TenantHierarchy hierarchy;
  private transient ValueState<Held> held;

  public CaseFactsFunction(TenantHierarchy hierarchy) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
  }

  /** What is counted for a case now. */
  public record Held(CaseRecord record, boolean recurrence, long version) {}

  static final String NAME = "case facts";
  private final Quarantine quarantine = new Quarantine(NAME);

  @Override
  public void open(OpenContext ctx) {
    held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", Held.class));
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(FactUpdate update, Context ctx, Collector<CountDelta> out)
      throws Exception {
    Held before = held.value();
    Outcome outcome;
    try {
      outcome = outcome(before, update);
    } catch (RuntimeException e) {
      ctx.output(Quarantine.OUTPUT, quarantine.row(update.origin(), update.record(), e));
      return;
    }
    if (outcome == null) {
      return;
    }
    held.update(outcome.after());
    outcome.deltas().forEach(out::collect);
    ctx.output(FACTS, outcome.row());
  }

  /** What an update changes: the case's new state, the count deltas and its facts row. */
  private record Outcome(Held after, List<CountDelta> deltas, CaseFactRow row) {}

  /** The outcome of {@code update}, computed without touching state; null when it is stale. */
  private Outcome outcome(Held before, FactUpdate update) {
    CaseRecord incoming = update.record();
    if (before != null) {
      if (CaseVersions.isOlder(incoming, before.record())) {
        return null;
      }
      if (incoming.equals(before.record()) && update.recurrence() == before.recurrence()) {
        return null;
      }
    }
    Held after =
        new Held(
            incoming, update.recurrence(), Versions.next(before == null ? 0 : before.version()));
    Map<String, CountDelta> deltas = new LinkedHashMap<>();
    if (before != null) {
      add(deltas, facts(before), -1, update.origin());
    }
    CaseFacts now = facts(after);
    add(deltas, now, +1, update.origin());
    List<CountDelta> changed = new ArrayList<>(deltas.size());
    for (CountDelta d : deltas.values()) {
      if (!d.delta().equals(IndicatorCounts.ZERO)) {
        changed.add(d);
      }
    }
    return new Outcome(after, changed, row(after, now));
  }

  private static CaseFacts facts(Held h) {
    Instant deadline =
        h.record().givenDeadline().orElseGet(() -> Deadlines.derive(h.record().receivedAt()));
    return CaseFacts.of(h.record(), h.recurrence(), deadline);
  }

  private void add(Map<String, CountDelta> deltas, CaseFacts facts, int sign, Origin origin) {
    IndicatorCounts contribution = facts.contribution();
    if (contribution.equals(IndicatorCounts.ZERO)) {
      return;
    }
    IndicatorCounts signed = sign > 0 ? contribution : IndicatorCounts.ZERO.minus(contribution);
    for (String tenant : hierarchy.selfAndAncestors(facts.key().tenantCode())) {
      for (PeriodKind kind : PeriodKind.values()) {
        String period = facts.period(kind).toString();
        deltas.merge(
            tenant + '|' + kind + '|' + period,
            new CountDelta(tenant, kind.name(), period, signed, origin),
            (a, b) ->
                new CountDelta(
                    a.tenant(), a.periodKind(), a.period(), a.delta().plus(b.delta()), origin));
      }
    }
  }

  private CaseFactRow row(Held h, CaseFacts facts) {
    CaseRecord r = h.record();
    return new CaseFactRow(
        r,
        new CaseFactsTable.Derived(
            hierarchy.selfAndAncestors(r.tenantCode()).toArray(String[]::new),
            facts.deadline(),
            r.givenDeadline().isEmpty(),
            h.recurrence(),
            facts.contribution().overdueClosed() > 0,
            facts.period(PeriodKind.MONTH).toString(),
            facts.period(PeriodKind.QUARTER).toString(),
            facts.period(PeriodKind.YEAR).toString(),
            facts.period(PeriodKind.WEEK).toString(),
            h.version()));
  }
}
