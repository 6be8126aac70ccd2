package io.liangshai.reports;

import io.liangshai.core.time.PeriodKind;
import java.util.Locale;
import java.util.Optional;

/**
 * A bulletin series: the bulletins of one period length, numbered 第1期, 第2期, … in publication order
 * (corrections included). A bulletin's series follows from its period.
 */
public enum Series {
  /** 月度通报. */
  MONTHLY(PeriodKind.MONTH),
  /** 季度通报. */
  QUARTERLY(PeriodKind.QUARTER),
  /** 年度通报. */
  ANNUAL(PeriodKind.YEAR),
  /** 周通报. */
  WEEKLY(PeriodKind.WEEK);

  private final PeriodKind kind;

  Series(PeriodKind kind) {
    this.kind = kind;
  }

  public PeriodKind kind() {
    return kind;
  }

  /** {@code monthly}, {@code quarterly}, {@code annual}, {@code weekly}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Series of(PeriodKind kind) {
    for (Series series : values()) {
      if (series.kind == kind) {
        return series;
      }
    }
    throw new IllegalArgumentException("no series for " + kind);
  }

  public static Optional<Series> byId(String id) {
    for (Series series : values()) {
      if (series.id().equals(id)) {
        return Optional.of(series);
      }
    }
    return Optional.empty();
  }
}
