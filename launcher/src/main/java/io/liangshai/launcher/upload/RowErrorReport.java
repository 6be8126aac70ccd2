package io.liangshai.launcher.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.vocabulary.Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-row errors of one input file, numbered by the file's own data rows (header excluded):
 * printed as a table and written to {@code FILE.errors.csv} next to it (UTF-8 with a BOM, so Excel
 * shows the Chinese). The file gives each error's {@code problem} in Chinese, from the code's
 * template in the {@link Vocabulary}, beside its {@code code}, {@code params} and English {@code
 * message}.
 */
public final class RowErrorReport {

  /** The columns of the errors file. */
  public static final List<String> COLUMNS =
      List.of("row", "case_id", "field", "problem", "code", "params", "message");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One error, at a row of the input file.
   *
   * @param code the error's stable code as the server sent it
   * @param params the code's named values
   */
  public record RowError(
      long row,
      String caseId,
      String field,
      String code,
      Map<String, String> params,
      String message) {

    /** The error {@code e} of the server's answer, at row {@code row} of the file. */
    public static RowError of(long row, JsonNode e) {
      Map<String, String> params = new LinkedHashMap<>();
      e.path("params")
          .fields()
          .forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
      return new RowError(
          row,
          e.path("case_id").isNull() ? null : e.path("case_id").asText(null),
          e.path("field").isNull() ? null : e.path("field").asText(null),
          e.path("code").asText(""),
          params,
          e.get("message").asText());
    }

    /** The problem in Chinese; the English message when this client does not know the code. */
    public String chinese() {
      return ErrorCode.byWireName(code).map(c -> Vocabulary.text(c, params)).orElse(message);
    }
  }

  private final List<RowError> errors = new ArrayList<>();

  public void add(RowError e) {
    errors.add(e);
  }

  public List<RowError> errors() {
    return errors;
  }

  public static Path fileFor(Path input) {
    return input.resolveSibling(input.getFileName() + ".errors.csv");
  }

  /** Writes the errors file (or removes a stale one when there are no errors). */
  public void write(Path input) throws IOException {
    Path file = fileFor(input);
    if (errors.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      CSVPrinter csv =
          CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build().print(w);
      for (RowError e : errors) {
        csv.printRecord(
            e.row(),
            e.caseId(),
            e.field(),
            e.chinese(),
            e.code(),
            JSON.writeValueAsString(e.params()),
            e.message());
      }
      csv.flush();
    }
  }

  /** Prints the first {@code max} errors as a table. */
  public void print(PrintStream out, int max) {
    if (errors.isEmpty()) {
      return;
    }
    String format = "  %8s  %-24s  %-18s  %s%n";
    out.printf(format, "row", "case_id", "field", "message");
    for (RowError e : errors.subList(0, Math.min(max, errors.size()))) {
      out.printf(format, e.row(), cut(e.caseId(), 24), cut(e.field(), 18), e.message());
    }
    if (errors.size() > max) {
      out.printf("  … and %d more%n", errors.size() - max);
    }
  }

  private static String cut(String s, int width) {
    if (s == null) {
      return "";
    }
    return s.length() > width ? s.substring(0, width - 1) + "…" : s;
  }
}
