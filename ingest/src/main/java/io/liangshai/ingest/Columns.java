package io.liangshai.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a CSV or XLSX upload may have: each field's wire name ({@code case_id}) or the
 * Chinese label of its published template ({@code 问题件编号}). A header naming anything else is
 * refused. {@link CaseColumns} are the case batches'; {@link IndicatorValueColumns} the reported
 * values'.
 */
public final class Columns {

  private final Map<String, String> labels;
  private final Map<String, String> byLabel = new LinkedHashMap<>();
  private final String template;

  /**
   * @param labels wire name → Chinese label, in the template's column order
   * @param template the call that serves the template, for the refusal's text
   */
  public Columns(Map<String, String> labels, String template) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("labels must name at least one column");
    }
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    this.labels.forEach((wire, label) -> byLabel.put(label, wire));
    this.template = template;
  }

  /** Wire name → Chinese label, in the template's column order. */
  public Map<String, String> all() {
    return labels;
  }

  /** The wire name a header cell stands for: itself, or the field its Chinese label names. */
  Optional<String> wireName(String header) {
    String h = header.strip();
    if (labels.containsKey(h)) {
      return Optional.of(h);
    }
    return Optional.ofNullable(byLabel.get(h));
  }

  /**
   * The wire names of a header row, in order.
   *
   * @throws UnparseableBatchException naming every unknown, empty or repeated column
   */
  List<String> resolve(List<String> header) throws UnparseableBatchException {
    if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
      Map.Entry<String, String> first = labels.entrySet().iterator().next();
      throw new UnparseableBatchException(
          "the first row must be a header naming the columns, e.g. "
              + first.getKey()
              + " or "
              + first.getValue());
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
              + " ("
              + template
              + "): "
              + String.join(
                  ", ",
                  labels.entrySet().stream()
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
