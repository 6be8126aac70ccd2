package io.liangshai.core.evaluation;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.vocabulary.Vocabulary;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four rates of SPEC §3 as {@code case_ratio} definitions, under their §3 codes, names and
 * natural directions: 办结率 (target 0.9, the seeds' 90%), 超时办结率, 重发复发率, 满意率. Listed with the defined
 * indicators; only their name and target may change.
 */
public final class BuiltInIndicators {

  /** The built-in target of {@code resolution_rate}. */
  public static final BigDecimal RESOLUTION_TARGET = new BigDecimal("0.9");

  private static final Map<String, IndicatorDefinition> ALL = definitions();

  private BuiltInIndicators() {}

  /** The four, in SPEC order. */
  public static List<IndicatorDefinition> all() {
    return List.copyOf(ALL.values());
  }

  /** The built-in indicator called {@code code}, if it is one. */
  public static Optional<IndicatorDefinition> byCode(String code) {
    return Optional.ofNullable(ALL.get(code));
  }

  public static boolean isBuiltIn(String code) {
    return ALL.containsKey(code);
  }

  private static Map<String, IndicatorDefinition> definitions() {
    Map<String, IndicatorDefinition> all = new LinkedHashMap<>();
    put(all, Indicator.RESOLUTION_RATE, RESOLUTION_TARGET, Map.of(), Map.of("closed", true));
    put(all, Indicator.OVERDUE_RATE, null, Map.of("closed", true), Map.of("overdue_closed", true));
    put(all, Indicator.RECURRENCE_RATE, null, Map.of(), Map.of("recurrence", true));
    put(
        all,
        Indicator.SATISFACTION_RATE,
        null,
        Map.of("rated", true),
        Map.of("satisfaction", List.of("very_satisfied", "satisfied", "basically_satisfied")));
    return all;
  }

  private static void put(
      Map<String, IndicatorDefinition> all,
      Indicator rate,
      BigDecimal target,
      Map<String, ?> denominator,
      Map<String, ?> numerator) {
    all.put(
        rate.wireName(),
        new IndicatorDefinition(
            rate.wireName(),
            Vocabulary.indicator(rate),
            IndicatorKind.CASE_RATIO,
            Direction.natural(rate),
            target,
            CaseFilterParser.require(numerator),
            CaseFilterParser.require(denominator),
            null));
  }
}
