package io.liangshai.api;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Interval;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RankInterval;
import io.liangshai.core.ranking.RateDetail;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.ranking.TenantSensitivity;
import io.liangshai.core.ranking.WeightSensitivity;
import io.liangshai.core.time.Period;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A league table as JSON: the period, the group, the scheme, the pooled rates, the weight
 * sensitivity and one row per member with snake_case keys. Tenants appear by code and registry name
 * only; no enterprise name or case text is ever part of a league table.
 */
final class LeagueTableJson {

  private LeagueTableJson() {}

  /**
   * @param inForce the indicators in force by code, for the targets of the scheme's indicators
   */
  static JsonObject toJson(
      Period period,
      String group,
      LeagueTable table,
      TenantRegistry registry,
      Map<String, IndicatorDefinition> inForce) {
    Scheme scheme = table.scheme();
    JsonArray rows = new JsonArray();
    for (LeagueRow row : table.rows()) {
      rows.add(row(scheme, row, registry, inForce));
    }
    JsonObject pooled = byRate(table.pooledRates());
    table.pooledCustom().forEach((code, p0) -> pooled.put(code, finite(p0)));
    return new JsonObject()
        .put("period", period.toString())
        .put("previous_period", period.previous().toString())
        .put("group", group)
        .put(
            "scheme",
            new JsonObject()
                .put("id", scheme.id())
                .put("version", scheme.version())
                .put("name", scheme.name()))
        .put("pooled_rates", pooled)
        .put("weight_sensitivity", summary(table.weightSensitivity()))
        .put("rows", rows);
  }

  static JsonObject row(
      Scheme scheme,
      LeagueRow row,
      TenantRegistry registry,
      Map<String, IndicatorDefinition> inForce) {
    JsonObject json =
        new JsonObject()
            .put("tenant", row.tenant())
            .put("name", registry.find(row.tenant()).map(Tenant::name).orElse(null))
            .put("eligible", row.eligible())
            .put("ineligible_reason", row.ineligibleReason());
    row.indicators().toMap().forEach((name, value) -> json.put(name, finite(value)));
    JsonObject rates = new JsonObject();
    row.rates().forEach((rate, detail) -> rates.put(rate.wireName(), rate(detail)));
    row.custom().forEach((code, detail) -> rates.put(code, CustomIndicatorJson.detail(detail)));
    return json.put("scores", scores(scheme, row))
        .put("score", row.score())
        .put("rank", row.rank())
        .put("previous_rank", row.previousRank())
        .put("rank_change", row.rankChange())
        .put("rates", rates)
        .put("rank_interval", rankInterval(row.rankInterval()))
        .put("weight_sensitivity", sensitivity(row.weightSensitivity()))
        .put("targets", CustomIndicatorJson.targets(scheme, row, inForce));
  }

  /** Each scheme indicator's 0–100 score, in scheme order; empty when ineligible. */
  private static JsonObject scores(Scheme scheme, LeagueRow row) {
    JsonObject json = new JsonObject();
    for (SchemeIndicator indicator : scheme.indicators()) {
      Double score =
          indicator.isBuiltIn()
              ? row.indicatorScores().get(indicator.rate())
              : row.customScores().get(indicator.code());
      if (score != null) {
        json.put(indicator.code(), finite(score));
      }
    }
    return json;
  }

  private static JsonObject rate(RateDetail detail) {
    return new JsonObject()
        .put("value", finite(detail.value()))
        .put("numerator", detail.numerator())
        .put("denominator", detail.denominator())
        .put("wilson", interval(detail.wilson()))
        .put("funnel", detail.funnel() == null ? null : detail.funnel().wireName())
        .put("shrunk", finite(detail.shrunk()));
  }

  private static JsonObject byRate(Map<Indicator, Double> values) {
    JsonObject json = new JsonObject();
    values.forEach((rate, value) -> json.put(rate.wireName(), finite(value)));
    return json;
  }

  static JsonArray interval(Interval interval) {
    return interval == null ? null : new JsonArray().add(interval.lower()).add(interval.upper());
  }

  private static JsonArray rankInterval(RankInterval interval) {
    return interval == null ? null : new JsonArray().add(interval.p5()).add(interval.p95());
  }

  private static JsonObject sensitivity(TenantSensitivity s) {
    return s == null
        ? null
        : new JsonObject()
            .put("max_abs_rank_change", s.maxAbsRankChange())
            .put("share_of_draws_changed", s.shareOfDrawsChanged());
  }

  private static JsonObject summary(WeightSensitivity s) {
    return s == null
        ? null
        : new JsonObject()
            .put("draws", s.draws())
            .put("noise", s.noise())
            .put("mean_abs_rank_change", s.meanAbsRankChange())
            .put("share_of_tenants_moved", s.shareOfTenantsMoved())
            .put("max_abs_rank_change", s.maxAbsRankChange());
  }

  /** JSON has no NaN or infinity: such a value, should one ever arise, is null. */
  static Number finite(Number value) {
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    return value;
  }
}
