package io.liangshai.ingest;

import io.liangshai.core.record.CaseField;
import io.liangshai.core.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a CSV or XLSX batch: each field's wire name ({@code case_id}) or the Chinese label
 * of the published template ({@code 问题件编号}). A header naming anything else is refused.
 */
public final class CaseColumns {

  private static final Map<String, String> LABELS = labels();
  private static final Map<String, String> BY_LABEL = byLabel();

  private CaseColumns() {}

  /** The vocabulary's field labels, in the order of {@link CaseField}. */
  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (CaseField f : CaseField.values()) {
      m.put(f.wireName(), Vocabulary.label(f));
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, String> byLabel() {
    Map<String, String> m = new LinkedHashMap<>();
    LABELS.forEach((wire, label) -> m.put(label, wire));
    return m;
  }

  /** Wire name → Chinese label, in the template's column order. */
  public static Map<String, String> all() {
    return LABELS;
  }

  /** The wire name a header cell stands for: itself, or the field its Chinese label names. */
  static Optional<String> wireName(String header) {
    String h = header.strip();
    if (LABELS.containsKey(h)) {
      return Optional.of(h);
    }
    return Optional.ofNullable(BY_LABEL.get(h));
  }

  /**
   * The wire names of a header row, in order.
   *
   * @throws UnparseableBatchException naming every unknown, empty or repeated column
   */
  static List<String> resolve(List<String> header) throws UnparseableBatchException {
    if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
      throw new UnparseableBatchException(
          "the first row must be a header naming the columns, e.g. case_id or 问题件编号");
    }
    List<String> wire = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String h : header) {
      Optional<String> name = wireName(h);
      if (name.isEmpty()) {
        unknown.add(h.isBlank() ? "(empty)" : "\"" + abbreviate(h) + "\"");
        wire.add(null);
      } else if (wire.contains(name.get())) {
        throw new UnparseableBatchException(
            "repeated column: the header names "
                + name.get()
                + " twice (\""
                + abbreviate(h)
                + "\")");
      } else {
        wire.add(name.get());
      }
    }
    if (!unknown.isEmpty()) {
      throw new UnparseableBatchException(
          "unknown column"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
              + " in the header row: expected field names or the Chinese labels of the template"
              + " (GET /api/v1/templates/cases.xlsx): "
              + String.join(
                  ", ",
                  LABELS.entrySet().stream()
                      .map(e -> e.getKey() + " (" + e.getValue() + ")")
                      .toList()));
    }
    return wire;
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
