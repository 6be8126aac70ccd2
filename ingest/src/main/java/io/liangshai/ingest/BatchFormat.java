package io.liangshai.ingest;

import java.util.Locale;
import java.util.Optional;

/** How a batch body is written, named by its Content-Type. */
public enum BatchFormat {
  /** {@code application/json}: one JSON array of objects. */
  JSON_ARRAY("json"),
  /** {@code application/x-ndjson}: one JSON object per line. */
  JSON_LINES("jsonl"),
  /** {@code text/csv}: a header row naming the fields, then one case per row. */
  CSV("csv"),
  /** {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}: the first sheet. */
  XLSX("xlsx");

  /** The Content-Type of an XLSX workbook. */
  public static final String XLSX_CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final String extension;

  BatchFormat(String extension) {
    this.extension = extension;
  }

  /** Whether the body is text (JSON or CSV) rather than a binary package. */
  public boolean isText() {
    return this != XLSX;
  }

  /** File extension of the raw batch in the landing zone. */
  public String extension() {
    return extension;
  }

  /** The format for a Content-Type header (parameters such as charset are ignored here). */
  public static Optional<BatchFormat> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> Optional.of(JSON_ARRAY);
      case "application/x-ndjson",
              "application/jsonl",
              "application/json-lines",
              "application/jsonlines" ->
          Optional.of(JSON_LINES);
      case "text/csv", "application/csv" -> Optional.of(CSV);
      case XLSX_CONTENT_TYPE -> Optional.of(XLSX);
      default -> Optional.empty();
    };
  }
}
