package io.liangshai.warehouse.figures;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.ranking.IndicatorFigure;
import io.liangshai.core.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures a league table needs of indicators other than the four built-in rates (SPEC §7), over
 * the same facts and period rules as {@code /api/v1/metrics}: case kinds from {@link
 * IndicatorQueries} (with each closed case's handling time for the bootstrap of a mean), {@code
 * reported} ones from {@link ReportedValues} (with each month's bare value for the bootstrap of a
 * quarter's or a year's mean).
 */
public final class CustomFigures {

  private final IndicatorQueries cases;
  private final ReportedValues reported;

  public CustomFigures(IndicatorQueries cases, ReportedValues reported) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.reported = Objects.requireNonNull(reported, "reported");
  }

  /**
   * Tenant code → indicator code → figure, for every tenant of {@code tenants} and every definition
   * of {@code definitions} in {@code period}.
   */
  public Map<String, Map<String, IndicatorFigure>> figures(
      List<IndicatorDefinition> definitions, Period period, Collection<String> tenants) {
    Map<String, Map<String, IndicatorFigure>> figures = new HashMap<>();
    tenants.forEach(t -> figures.put(t, new HashMap<>()));
    Map<String, Map<String, IndicatorValue>> caseValues =
        cases.caseValues(definitions, period, tenants);
    for (IndicatorDefinition d : definitions) {
      if (d.kind() == IndicatorKind.CASE_RATIO) {
        tenants.forEach(
            t ->
                figures
                    .get(t)
                    .put(d.code(), IndicatorFigure.ratio(caseValues.get(t).get(d.code()))));
      } else if (d.kind() == IndicatorKind.CASE_MEAN_DAYS) {
        Map<String, double[]> durations = cases.durations(d, period, tenants);
        tenants.forEach(
            t ->
                figures
                    .get(t)
                    .put(
                        d.code(),
                        new IndicatorFigure(caseValues.get(t).get(d.code()), durations.get(t))));
      } else {
        reported(d.code(), period, tenants, figures);
      }
    }
    return figures;
  }

  private void reported(
      String code,
      Period period,
      Collection<String> tenants,
      Map<String, Map<String, IndicatorFigure>> figures) {
    Map<String, IndicatorValue> values = reported.values(code, period);
    List<Map<String, IndicatorValue>> months = new ArrayList<>();
    for (Period month : ReportedValues.months(period)) {
      months.add(month.equals(period) ? values : reported.values(code, month));
    }
    for (String t : tenants) {
      IndicatorValue value = values.getOrDefault(t, IndicatorValue.NONE);
      if (value.isRatio()) {
        figures.get(t).put(code, IndicatorFigure.ratio(value));
        continue;
      }
      List<Double> bare = new ArrayList<>();
      for (Map<String, IndicatorValue> month : months) {
        IndicatorValue v = month.getOrDefault(t, IndicatorValue.NONE);
        if (!v.isRatio() && v.value() != null) {
          bare.add(v.value().doubleValue());
        }
      }
      double[] observations = bare.stream().mapToDouble(Double::doubleValue).toArray();
      figures.get(t).put(code, new IndicatorFigure(value, observations));
    }
  }
}
