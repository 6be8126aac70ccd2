package io.liangshai.core.evaluation;

import io.liangshai.core.record.WireNamed;

/** The form of a {@code reported} indicator's values, fixed by its first accepted row (SPEC §7). */
public enum ReportedForm implements WireNamed {
  /** {@code numerator} and {@code denominator}: value n/d, rolls up to cities and the province. */
  FRACTION("分子/分母"),
  /** A bare {@code value}: does not roll up; a quarter or year is the mean of its months. */
  BARE("数值");

  private final String label;

  ReportedForm(String label) {
    this.label = label;
  }

  /** The Chinese name of the form, for error texts. */
  public String label() {
    return label;
  }
}
