package io.liangshai.core.evaluation;

import io.liangshai.core.time.Period;
import java.util.Objects;

/** One accepted row of {@code POST /api/v1/indicator-values}: an indicator's value for a month. */
public record ReportedRow(String indicator, String tenantCode, Period month, ReportedValue value) {

  public ReportedRow {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(value, "value");
    if (month.kind() != io.liangshai.core.time.PeriodKind.MONTH) {
      throw new IllegalArgumentException("reported values are monthly, not " + month);
    }
  }
}
