package io.liangshai.launcher.upload;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-row errors of one input file, numbered by the file's own data rows (header excluded):
 * printed as a table and written to {@code FILE.errors.csv} next to it (UTF-8 with a BOM, so Excel
 * shows the Chinese).
 */
public final class RowErrorReport {

  /** One error, at a row of the input file. */
  public record RowError(long row, String caseId, String field, String message) {}

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
          CSVFormat.DEFAULT
              .builder()
              .setHeader("row", "case_id", "field", "message")
              .build()
              .print(w);
      for (RowError e : errors) {
        csv.printRecord(e.row(), e.caseId(), e.field(), e.message());
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
