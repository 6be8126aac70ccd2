package io.liangshai.clickhouse.local.front;

import java.util.Locale;

/** The {@code Content-Type} ClickHouse sends for an output format. */
final class FormatContentType {

  private FormatContentType() {}

  static String of(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.startsWith("json")) {
      return "application/json; charset=UTF-8";
    }
    if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
      return "text/tab-separated-values; charset=UTF-8";
    }
    if (f.startsWith("csv")) {
      return "text/csv; charset=UTF-8; header=absent";
    }
    if (f.startsWith("pretty") || f.equals("vertical") || f.equals("markdown")) {
      return "text/plain; charset=UTF-8";
    }
    return "application/octet-stream";
  }
}
