package io.liangshai.api;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.time.Period;
import io.liangshai.warehouse.figures.IndicatorQueries;
import io.liangshai.warehouse.figures.ReportedValues;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code indicators} and {@code targets} of {@code /api/v1/metrics} rows (SPEC §7): every
 * defined, not retired, non-built-in indicator's value, computed over the same facts as the
 * built-ins (case kinds by {@link IndicatorQueries}, reported ones by {@link ReportedValues}), and
 * {@code {"target", "met"}} for every indicator with a target, the built-ins' from the row's own §3
 * counts.
 */
record IndicatorColumns(
    IndicatorCatalog catalog, IndicatorQueries caseQueries, ReportedValues reported) {

  /**
   * Adds {@code indicators} and {@code targets} to each row of {@code rows} (tenant code → row),
   * whose built-in figures are {@code builtIns}.
   */
  void fill(Period period, Map<String, Indicators> builtIns, Map<String, JsonObject> rows) {
    List<IndicatorDefinition> active = catalog.active();
    List<IndicatorDefinition> custom =
        active.stream().filter(d -> !BuiltInIndicators.isBuiltIn(d.code())).toList();
    Map<String, Map<String, IndicatorValue>> caseValues =
        caseQueries.caseValues(custom, period, rows.keySet());
    Map<String, Map<String, IndicatorValue>> reportedValues = new HashMap<>();
    for (IndicatorDefinition d : custom) {
      if (d.kind() == IndicatorKind.REPORTED) {
        reportedValues.put(d.code(), reported.values(d.code(), period));
      }
    }
    rows.forEach(
        (tenant, row) -> {
          JsonObject indicators = new JsonObject();
          JsonObject targets = new JsonObject();
          for (IndicatorDefinition d : active) {
            IndicatorValue value =
                BuiltInIndicators.isBuiltIn(d.code())
                    ? builtIn(d.code(), builtIns.get(tenant))
                    : d.isCaseKind()
                        ? caseValues.get(tenant).get(d.code())
                        : reportedValues.get(d.code()).getOrDefault(tenant, IndicatorValue.NONE);
            if (!BuiltInIndicators.isBuiltIn(d.code())) {
              indicators.put(d.code(), toJson(d, value));
            }
            if (d.target() != null) {
              targets.put(
                  d.code(), new JsonObject().put("target", d.target()).put("met", d.met(value)));
            }
          }
          row.put("indicators", indicators).put("targets", targets);
        });
  }

  /** A built-in rate's value from the §3 counts it is the ratio of. */
  static IndicatorValue builtIn(String code, Indicators figures) {
    Indicator rate = Indicator.byWireName(code).orElseThrow();
    return IndicatorValue.ratio(figures.count(rate.numerator()), figures.count(rate.denominator()));
  }

  /** {@code numerator, denominator, value}; for {@code case_mean_days} {@code cases, value}. */
  static JsonObject toJson(IndicatorDefinition d, IndicatorValue value) {
    if (d.kind() == IndicatorKind.CASE_MEAN_DAYS) {
      return new JsonObject().put("cases", value.cases()).put("value", value.value());
    }
    return new JsonObject()
        .put("numerator", value.numerator())
        .put("denominator", value.denominator())
        .put("value", value.value());
  }
}
