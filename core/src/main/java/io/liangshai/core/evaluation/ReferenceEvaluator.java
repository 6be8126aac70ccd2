package io.liangshai.core.evaluation;

import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.math.BigInteger;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The case kinds of SPEC §7 computed the plain way, in memory, from the latest version of every
 * case ({@link ReferenceCalculator}): each filter evaluated on each case by {@link
 * CaseFilter#matches}, counts summed for the case's tenant and every tenant above it. The oracle
 * the warehouse's SQL compilation of filters is checked against.
 */
public final class ReferenceEvaluator {

  private final ReferenceCalculator calculator;

  public ReferenceEvaluator(ReferenceCalculator calculator) {
    this.calculator = Objects.requireNonNull(calculator, "calculator");
  }

  /**
   * The value of every case indicator of {@code definitions} for every period of {@code kinds} that
   * received a case, for every tenant of the hierarchy.
   *
   * @return period → tenant → indicator code → value
   */
  public SortedMap<Period, SortedMap<String, Map<String, IndicatorValue>>> compute(
      Stream<CaseRecord> records,
      List<IndicatorDefinition> definitions,
      Collection<PeriodKind> kinds) {
    List<IndicatorDefinition> cases =
        definitions.stream().filter(IndicatorDefinition::isCaseKind).toList();
    Map<Period, Map<String, Map<String, Tally>>> tallies = new HashMap<>();
    for (LatestCase c : calculator.latestCases(records)) {
      for (PeriodKind kind : kinds) {
        Map<String, Map<String, Tally>> byTenant =
            tallies.computeIfAbsent(c.facts().period(kind), p -> new HashMap<>());
        if (c.facts().withdrawn()) {
          continue;
        }
        for (String tenant : calculator.hierarchy().selfAndAncestors(c.record().tenantCode())) {
          Map<String, Tally> byCode = byTenant.computeIfAbsent(tenant, t -> new HashMap<>());
          for (IndicatorDefinition d : cases) {
            byCode.computeIfAbsent(d.code(), x -> new Tally()).add(d, c);
          }
        }
      }
    }
    SortedMap<Period, SortedMap<String, Map<String, IndicatorValue>>> table = new TreeMap<>();
    tallies.forEach(
        (period, byTenant) -> {
          SortedMap<String, Map<String, IndicatorValue>> row = new TreeMap<>();
          for (String tenant : calculator.hierarchy().codes()) {
            Map<String, Tally> byCode = byTenant.getOrDefault(tenant, Map.of());
            Map<String, IndicatorValue> values = new LinkedHashMap<>();
            for (IndicatorDefinition d : cases) {
              values.put(d.code(), byCode.getOrDefault(d.code(), new Tally()).value(d));
            }
            row.put(tenant, values);
          }
          table.put(period, row);
        });
    return table;
  }

  private static final class Tally {
    private long numerator;
    private long denominator;
    private BigInteger micros = BigInteger.ZERO;

    void add(IndicatorDefinition d, LatestCase c) {
      CaseRecord r = c.record();
      if (d.kind() == IndicatorKind.CASE_RATIO) {
        if (d.denominator().matches(r, c.recurrence(), c.facts().deadline())) {
          denominator++;
          if (d.numerator().matches(r, c.recurrence(), c.facts().deadline())) {
            numerator++;
          }
        }
      } else if (r.isClosed() && d.filter().matches(r, c.recurrence(), c.facts().deadline())) {
        denominator++;
        micros =
            micros.add(BigInteger.valueOf(ChronoUnit.MICROS.between(r.receivedAt(), r.closedAt())));
      }
    }

    IndicatorValue value(IndicatorDefinition d) {
      return d.kind() == IndicatorKind.CASE_RATIO
          ? IndicatorValue.ratio(numerator, denominator)
          : IndicatorValue.meanDays(micros, denominator);
    }
  }
}
