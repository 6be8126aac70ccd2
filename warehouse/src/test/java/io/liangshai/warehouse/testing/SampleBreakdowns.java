package io.liangshai.warehouse.testing;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 1+8+N view computed independently of ClickHouse: core's {@link ReferenceCalculator} gives the
 * latest version of every case with its facts (recurrence judged over all cases, as the stream job
 * judges it), and each case's contribution is summed into its period, every tenant it counts for
 * (its own, its city, the province) and its category or channel.
 */
public final class SampleBreakdowns {

  /** A case's category, or its channel. */
  public static final Function<CaseRecord, WireNamed> CATEGORY = CaseRecord::category;

  public static final Function<CaseRecord, WireNamed> CHANNEL = CaseRecord::channel;

  private SampleBreakdowns() {}

  /**
   * Period → tenant → value of {@code by} (wire name) → indicators at {@code now}, for the values
   * that have a case.
   */
  public static Map<Period, Map<String, Map<String, Indicators>>> compute(
      List<CaseRecord> records,
      Function<CaseRecord, WireNamed> by,
      Collection<PeriodKind> kinds,
      Instant now) {
    ReferenceCalculator calculator = new ReferenceCalculator(ZhejiangTenants.hierarchy());
    Map<Period, Map<String, Map<String, Indicators>>> all = new HashMap<>();
    for (LatestCase c : calculator.latestCases(records.stream())) {
      if (c.facts().withdrawn()) {
        continue;
      }
      Indicators one =
          new Indicators(c.facts().contribution(), c.facts().isOverdueOpenAt(now) ? 1 : 0);
      String value = by.apply(c.record()).wireName();
      for (PeriodKind kind : kinds) {
        for (String tenant : calculator.hierarchy().selfAndAncestors(c.record().tenantCode())) {
          all.computeIfAbsent(c.facts().period(kind), p -> new HashMap<>())
              .computeIfAbsent(tenant, t -> new HashMap<>())
              .merge(value, one, SampleBreakdowns::plus);
        }
      }
    }
    return all;
  }

  /** The sum of two tallies. */
  public static Indicators plus(Indicators a, Indicators b) {
    IndicatorCounts counts = a.counts().plus(b.counts());
    return new Indicators(counts, a.overdueOpen() + b.overdueOpen());
  }
}
