package io.liangshai.ingest;

import io.liangshai.core.record.CaseField;
import io.liangshai.core.vocabulary.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of a CSV or XLSX case batch: each field's wire name ({@code case_id}) or the Chinese
 * label of the published template ({@code 问题件编号}). A header naming anything else is refused.
 */
public final class CaseColumns {

  /** The case batches' columns, in the order of {@link CaseField}. */
  static final Columns COLUMNS = new Columns(labels(), "GET /api/v1/templates/cases.xlsx");

  private CaseColumns() {}

  /** The vocabulary's field labels, in the order of {@link CaseField}. */
  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (CaseField f : CaseField.values()) {
      m.put(f.wireName(), Vocabulary.label(f));
    }
    return m;
  }

  /** Wire name → Chinese label, in the template's column order. */
  public static Map<String, String> all() {
    return COLUMNS.all();
  }
}
