package io.liangshai.api;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.DeadlineState;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.Warning;
import io.liangshai.core.warning.WarningList;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.figures.WarningQueries;
import io.liangshai.warehouse.figures.WarningQueries.StateCounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings summary of a scope (an addition to SPEC §8, for the province and the cities): per
 * tenant, its own open cases per deadline state counted in ClickHouse, how many of those not yet
 * overdue are at high risk ({@link #HIGH_RISK} or more), the mean risk of all its open cases and
 * the share of them already overdue. An overdue case's risk is 1 by §8, so only the cases not yet
 * overdue are read and scored — by the list's own {@link WarningList}, so with the same model and
 * rules, on the reads pool, summed per tenant; none of them is encoded or sent.
 *
 * @param deadlines the working-day clock of {@code within}
 * @param list the list of {@code GET /api/v1/warnings}, which scores the cases
 */
record WarningSummary(WarningQueries queries, DeadlineClock deadlines, WarningList list) {

  /** The risk from which a case not yet overdue counts as at high risk (高风险). */
  static final double HIGH_RISK = 0.5;

  /** One row per tenant of {@code tenants} (the first is the scope), in their order. */
  JsonArray of(List<Tenant> tenants, Instant asOf, int within) {
    String scope = tenants.get(0).code();
    LocalDate dueSoonBefore = deadlines.dueSoonBefore(asOf, within);
    Map<String, StateCounts> counts = new HashMap<>();
    for (StateCounts c : queries.stateCounts(scope, asOf, dueSoonBefore)) {
      counts.put(c.tenant(), c);
    }
    Map<String, double[]> scored = new HashMap<>();
    for (DeadlineState state : List.of(DeadlineState.DUE_SOON, DeadlineState.ON_TRACK)) {
      List<OpenCase> cases =
          queries.openCases(
              scope, new WarningQueries.Filter(state, null, null), asOf, dueSoonBefore);
      score(list.at(cases, asOf, within), scored);
    }
    JsonArray rows = new JsonArray();
    for (Tenant t : tenants) {
      StateCounts c = counts.getOrDefault(t.code(), new StateCounts(t.code(), 0, 0, 0));
      double[] s = scored.getOrDefault(t.code(), new double[2]);
      long open = c.overdue() + c.dueSoon() + c.onTrack();
      rows.add(
          new JsonObject()
              .put("tenant", t.code())
              .put("open", open)
              .put("overdue", c.overdue())
              .put("due_soon", c.dueSoon())
              .put("on_track", c.onTrack())
              .put("high_risk", (long) s[1])
              .put("mean_risk", open == 0 ? null : round((c.overdue() + s[0]) / open))
              .put("overdue_share", open == 0 ? null : round((double) c.overdue() / open)));
    }
    return rows;
  }

  /** Adds each case's risk to {@code [sum, at high risk]} of its tenant. */
  private static void score(List<Warning> judged, Map<String, double[]> scored) {
    for (Warning w : judged) {
      double p = w.risk().probability();
      double[] s = scored.computeIfAbsent(w.openCase().tenant(), t -> new double[2]);
      s[0] += p;
      if (p >= HIGH_RISK) {
        s[1]++;
      }
    }
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
