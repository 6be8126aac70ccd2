package io.liangshai.api;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.ranking.IndicatorDetail;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The league-table columns of SPEC §7: a row's entry under {@code rates} for a scheme indicator
 * other than a built-in rate, and the row's {@code targets}.
 */
final class CustomIndicatorJson {

  private CustomIndicatorJson() {}

  /**
   * A ratio: {@code value, numerator, denominator, wilson, funnel, shrunk}, as a built-in rate has;
   * a mean: {@code value, cases, bootstrap, funnel} (null); a bare value: {@code value, bootstrap,
   * funnel} (null).
   */
  static JsonObject detail(IndicatorDetail detail) {
    IndicatorValue value = detail.value();
    JsonObject json = new JsonObject().put("value", LeagueTableJson.finite(value.value()));
    if (value.isRatio()) {
      return json.put("numerator", value.numerator())
          .put("denominator", value.denominator())
          .put("wilson", LeagueTableJson.interval(detail.wilson()))
          .put("funnel", detail.funnel() == null ? null : detail.funnel().wireName())
          .put("shrunk", LeagueTableJson.finite(detail.shrunk()));
    }
    if (value.cases() != null) {
      json.put("cases", value.cases());
    }
    return json.put("bootstrap", LeagueTableJson.interval(detail.bootstrap())).putNull("funnel");
  }

  /**
   * {@code {"<code>": {"target", "met"}}} for each of the scheme's indicators whose definition in
   * force has a target; {@code met} is null when the value is null.
   */
  static JsonObject targets(
      Scheme scheme, LeagueRow row, Map<String, IndicatorDefinition> inForce) {
    JsonObject targets = new JsonObject();
    for (SchemeIndicator indicator : scheme.indicators()) {
      IndicatorDefinition d = inForce.get(indicator.code());
      if (d == null || d.target() == null) {
        continue;
      }
      IndicatorValue value =
          indicator.isBuiltIn()
              ? IndicatorColumns.builtIn(indicator.code(), row.indicators())
              : row.custom().get(indicator.code()).value();
      targets.put(d.code(), new JsonObject().put("target", d.target()).put("met", d.met(value)));
    }
    return targets;
  }
}
