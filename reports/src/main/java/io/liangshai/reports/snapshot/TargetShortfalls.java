package io.liangshai.reports.snapshot;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.IndicatorDetail;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.SchemeIndicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The 目标达成 lines of one league table (SPEC §7): who misses each target of the scheme. */
final class TargetShortfalls {

  private TargetShortfalls() {}

  /**
   * 目标达成 of one group: each of the scheme's indicators whose definition in force has a target, with
   * the members whose value misses it (SPEC §7 {@code met} false), worst first.
   */
  static List<TargetShortfall> of(
      String group,
      LeagueTable table,
      Map<String, IndicatorDefinition> inForce,
      Function<String, String> name) {
    List<TargetShortfall> lines = new ArrayList<>();
    for (SchemeIndicator indicator : table.scheme().indicators()) {
      IndicatorDefinition d = inForce.get(indicator.code());
      if (d == null || d.target() == null) {
        continue;
      }
      int judged = 0;
      List<TargetShortfall.Below> below = new ArrayList<>();
      String unit = d.kind() == IndicatorKind.CASE_MEAN_DAYS ? "days" : "rate";
      for (LeagueRow row : table.rows()) {
        IndicatorValue value = value(indicator, row);
        Boolean met = d.met(value);
        if (met == null) {
          continue;
        }
        judged++;
        if (d.kind() == IndicatorKind.REPORTED && !value.isRatio()) {
          unit = "value";
        }
        if (!met) {
          below.add(
              new TargetShortfall.Below(
                  row.tenant(),
                  name.apply(row.tenant()),
                  new BigDecimal(value.value().toString())));
        }
      }
      Comparator<TargetShortfall.Below> worst = Comparator.comparing(TargetShortfall.Below::value);
      below.sort(
          (d.direction() == Direction.HIGHER_BETTER ? worst : worst.reversed())
              .thenComparing(TargetShortfall.Below::tenant));
      lines.add(
          new TargetShortfall(
              group,
              Wording.group(group),
              d.code(),
              d.name(),
              unit,
              d.direction().wireName(),
              d.target(),
              judged,
              below));
    }
    return lines;
  }

  /** A row's value of a scheme indicator: a built-in rate from its counts, else its detail. */
  private static IndicatorValue value(SchemeIndicator indicator, LeagueRow row) {
    if (indicator.isBuiltIn()) {
      Indicator rate = indicator.rate();
      return IndicatorValue.ratio(
          row.indicators().count(rate.numerator()), row.indicators().count(rate.denominator()));
    }
    IndicatorDetail detail = row.custom().get(indicator.code());
    return detail == null ? IndicatorValue.NONE : detail.value();
  }
}
