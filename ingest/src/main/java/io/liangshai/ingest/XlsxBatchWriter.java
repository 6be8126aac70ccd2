package io.liangshai.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a batch as an XLSX workbook, row by row, with POI's streaming writer (a window of rows in
 * memory, the rest in a temporary file): a header row, then one row of text cells per case. For
 * splitting a large workbook into batches and for tests.
 */
public final class XlsxBatchWriter implements AutoCloseable {

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final SXSSFSheet sheet;
  private final int width;
  private int next;

  public XlsxBatchWriter(List<String> header) {
    Objects.requireNonNull(header, "header");
    if (header.isEmpty()) {
      throw new IllegalArgumentException("header must name at least one column");
    }
    this.width = header.size();
    this.sheet = workbook.createSheet("问题件");
    row(header);
  }

  /** Appends a row; null or empty cells stay empty. */
  public void row(List<String> cells) {
    if (cells.size() > width) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, the header " + width);
    }
    Row row = sheet.createRow(next++);
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v != null && !v.isEmpty()) {
        row.createCell(i).setCellValue(v);
      }
    }
  }

  /** Data rows written so far (the header not counted). */
  public int rows() {
    return next - 1;
  }

  public void writeTo(OutputStream out) throws IOException {
    workbook.write(out);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
