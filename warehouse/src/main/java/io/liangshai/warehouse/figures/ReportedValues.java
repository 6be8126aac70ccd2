package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReportedRollup;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.warehouse.IndicatorValuesTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a {@code reported} indicator for every tenant and any period (SPEC §7): the current
 * uploads of the period's months from {@link IndicatorValuesTable}, rolled up by core's {@link
 * ReportedRollup} (effective values per month, then the period). ISO weeks have none.
 */
public final class ReportedValues {

  private final IndicatorValuesTable table;
  private final ReportedRollup rollup;

  public ReportedValues(IndicatorValuesTable table, TenantHierarchy hierarchy) {
    this.table = Objects.requireNonNull(table, "table");
    this.rollup = new ReportedRollup(hierarchy);
  }

  /** Tenant code → value of {@code indicator} in {@code period}, for every tenant. */
  public Map<String, IndicatorValue> values(String indicator, Period period) {
    List<Period> months = months(period);
    Map<Period, Map<String, IndicatorValue>> effective = new HashMap<>();
    if (!months.isEmpty()) {
      for (Map.Entry<Period, Map<String, ReportedValue>> month :
          table.uploads(indicator, months).entrySet()) {
        effective.put(month.getKey(), rollup.month(month.getValue()));
      }
    }
    return rollup.period(period, effective);
  }

  /** The months a period is made of; none for an ISO week. */
  static List<Period> months(Period period) {
    List<Period> months = new ArrayList<>();
    if (period.kind() == PeriodKind.WEEK) {
      return months;
    }
    for (Period m = Period.of(PeriodKind.MONTH, period.firstDay());
        !m.firstDay().isAfter(period.lastDay());
        m = m.next()) {
      months.add(m);
    }
    return months;
  }
}
