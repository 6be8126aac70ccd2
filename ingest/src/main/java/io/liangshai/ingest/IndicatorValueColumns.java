package io.liangshai.ingest;

import io.liangshai.core.vocabulary.Vocabulary;

/**
 * The columns of a CSV or XLSX upload of reported indicator values (SPEC §7): {@code indicator},
 * {@code tenant_code}, {@code period}, {@code numerator}, {@code denominator}, {@code value}, or
 * their Chinese labels (vocabulary section {@code reported_field}) as the template has them.
 */
public final class IndicatorValueColumns {

  /** The template's columns, in its order. */
  public static final Columns COLUMNS =
      new Columns(
          Vocabulary.section("reported_field"), "GET /api/v1/templates/indicator-values.xlsx");

  private IndicatorValueColumns() {}
}
