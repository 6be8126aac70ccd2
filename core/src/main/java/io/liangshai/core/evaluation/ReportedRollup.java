package io.liangshai.core.evaluation;

import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values of a {@code reported} indicator (SPEC §7) from its uploads, for every tenant. A
 * tenant's <b>effective</b> value for a month is its own upload if it has one, else the sum of its
 * direct children's effective numerators and denominators (none when no child has one; bare values
 * do not roll up). A quarter or year sums the effective months' numerators and denominators; for
 * bare values it is the mean of the months with a value ({@link #MEAN}). ISO weeks have none.
 */
public final class ReportedRollup {

  /** The precision of a mean of bare values: 34 significant digits, half-even (IEEE decimal128). */
  public static final MathContext MEAN = MathContext.DECIMAL128;

  private final TenantHierarchy hierarchy;
  private final Map<String, List<String>> children = new HashMap<>();

  public ReportedRollup(TenantHierarchy hierarchy) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    for (String code : hierarchy.codes()) {
      hierarchy
          .parent(code)
          .ifPresent(p -> children.computeIfAbsent(p, x -> new ArrayList<>()).add(code));
    }
  }

  /**
   * Every tenant's effective value of one month.
   *
   * @param uploads tenant code → the value it uploaded for the month (the latest upload)
   * @return tenant code → value, for every tenant of the hierarchy ({@link IndicatorValue#NONE}
   *     where there is none)
   */
  public Map<String, IndicatorValue> month(Map<String, ReportedValue> uploads) {
    Map<String, IndicatorValue> effective = new TreeMap<>();
    for (String code : hierarchy.codes()) {
      effective(code, uploads, effective);
    }
    return effective;
  }

  private IndicatorValue effective(
      String code, Map<String, ReportedValue> uploads, Map<String, IndicatorValue> done) {
    IndicatorValue known = done.get(code);
    if (known != null) {
      return known;
    }
    ReportedValue own = uploads.get(code);
    IndicatorValue value;
    if (own != null) {
      value = own.toIndicatorValue();
    } else {
      List<IndicatorValue> fromChildren = new ArrayList<>();
      for (String child : children.getOrDefault(code, List.of())) {
        fromChildren.add(effective(child, uploads, done));
      }
      value = sumOfFractions(fromChildren);
    }
    done.put(code, value);
    return value;
  }

  /**
   * Every tenant's value for {@code period} from the effective values of its months.
   *
   * @param months month → tenant code → effective value (months without uploads may be absent)
   */
  public Map<String, IndicatorValue> period(
      Period period, Map<Period, Map<String, IndicatorValue>> months) {
    Map<String, IndicatorValue> values = new TreeMap<>();
    for (String code : hierarchy.codes()) {
      List<IndicatorValue> ofMonths = new ArrayList<>();
      if (period.kind() != PeriodKind.WEEK) {
        months.forEach(
            (month, byTenant) -> {
              if (month.kind() == PeriodKind.MONTH && within(month, period)) {
                ofMonths.add(byTenant.getOrDefault(code, IndicatorValue.NONE));
              }
            });
      }
      values.put(code, combine(ofMonths));
    }
    return values;
  }

  private static boolean within(Period month, Period period) {
    return !month.firstDay().isBefore(period.firstDay())
        && !month.lastDay().isAfter(period.lastDay());
  }

  /** Months of one tenant: fractions summed, bare values averaged over the months with one. */
  static IndicatorValue combine(List<IndicatorValue> months) {
    List<BigDecimal> bare =
        months.stream()
            .filter(v -> !v.isRatio() && v.decimal() != null)
            .map(v -> v.decimal())
            .toList();
    if (!bare.isEmpty()) {
      BigDecimal sum = bare.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      return IndicatorValue.bare(sum.divide(BigDecimal.valueOf(bare.size()), MEAN));
    }
    return sumOfFractions(months);
  }

  private static IndicatorValue sumOfFractions(List<IndicatorValue> values) {
    long n = 0;
    long d = 0;
    boolean any = false;
    for (IndicatorValue v : values) {
      if (v.isRatio()) {
        n = Math.addExact(n, v.numerator());
        d = Math.addExact(d, v.denominator());
        any = true;
      }
    }
    return any ? IndicatorValue.ratio(n, d) : IndicatorValue.NONE;
  }
}
