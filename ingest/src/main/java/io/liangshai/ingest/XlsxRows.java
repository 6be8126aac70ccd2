package io.liangshai.ingest;

import com.github.pjfanning.poi.xssf.streaming.TempFileSharedStringsTable;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an XLSX batch (its first sheet) with POI's event model: the sheet XML is read
 * by SAX and shared strings are kept in a temporary file, so memory stays flat however many rows
 * the sheet has. The first non-empty row is the header. Zip bombs are refused by POI's {@link
 * ZipSecureFile} limits. Numeric cells are read as their exact value ({@link ExactCellFormatter}).
 */
public final class XlsxRows {

  /** A part that inflates more than 100× is taken for a zip bomb. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** No single part of the package may inflate to more than 1 GiB. */
  static final long MAX_ENTRY_SIZE = 1L << 30;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
  }

  private XlsxRows() {}

  /** Streams the rows of the first sheet of {@code file}, keyed by the case fields' wire names. */
  public static void read(Path file, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    read(file, CaseColumns.COLUMNS, rows);
  }

  /**
   * Streams the rows of the first sheet of {@code file}, keyed by the wire names of {@code
   * columns}.
   */
  public static void read(Path file, Columns columns, Consumer<RawRow> rows)
      throws IOException, UnparseableBatchException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      try (TempFileSharedStringsTable strings = new TempFileSharedStringsTable(pkg, false)) {
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
          throw new UnparseableBatchException("the XLSX workbook has no sheet");
        }
        try (InputStream sheet = sheets.next()) {
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(
                  reader.getStylesTable(),
                  null,
                  strings,
                  new Rows(rows, columns),
                  new ExactCellFormatter(),
                  false));
          xml.parse(new InputSource(sheet));
        }
      }
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      throw new UnparseableBatchException(
          "the body is not an XLSX workbook (" + reason(e) + "); save the sheet as .xlsx", e);
    } catch (OpenXML4JException | OpenXML4JRuntimeException | SAXException e) {
      throw new UnparseableBatchException("the XLSX workbook is damaged: " + reason(e), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      if (isZipProblem(e)) {
        throw new UnparseableBatchException("the XLSX workbook is refused: " + reason(e), e);
      }
      throw e;
    } catch (Header.Refused e) {
      throw e.cause;
    } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
      // POI reports some damaged packages this way.
      throw new UnparseableBatchException("the XLSX workbook is damaged: " + reason(e), e);
    }
  }

  private static boolean isZipProblem(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("zip")
        || m.contains("inflat")
        || m.contains("entry")
        || m.contains("bomb")
        || e instanceof java.util.zip.ZipException
        || e.getCause() instanceof java.util.zip.ZipException;
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    if (m.contains("Zip bomb detected")) {
      return "it inflates more than "
          + Math.round(1 / MIN_INFLATE_RATIO)
          + " times its compressed size, like a zip bomb";
    }
    String first = m.lines().findFirst().orElse(m).strip();
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
  }

  /** The header row's columns, by column index. */
  private static final class Header {
    /** Carries a checked refusal out of the SAX callbacks. */
    static final class Refused extends RuntimeException {
      final UnparseableBatchException cause;

      Refused(UnparseableBatchException cause) {
        super(cause.getMessage(), cause, false, false);
        this.cause = cause;
      }
    }
  }

  /** Turns the sheet's cells into rows keyed by the header's wire names. */
  private static final class Rows implements SheetContentsHandler {
    private final Consumer<RawRow> rows;
    private final Columns known;
    private final TreeMap<Integer, String> cells = new TreeMap<>();
    private Map<Integer, String> header;
    private int number;

    Rows(Consumer<RawRow> rows, Columns columns) {
      this.rows = rows;
      this.known = columns;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
        return;
      }
      if (header == null) {
        header = headerOf(cells);
        return;
      }
      number++;
      Map<String, Object> fields = new LinkedHashMap<>();
      List<Integer> outside = new ArrayList<>();
      for (Map.Entry<Integer, String> c : cells.entrySet()) {
        if (!header.containsKey(c.getKey()) && !c.getValue().isBlank()) {
          outside.add(c.getKey());
        }
      }
      if (!outside.isEmpty()) {
        String cell = CellReference.convertNumToColString(outside.get(0)) + (rowNum + 1);
        rows.accept(
            RawRow.unreadable(
                number,
                Problem.of(
                    ErrorCode.ROW_CELL_OUTSIDE_HEADER,
                    "cell " + cell + " is outside the header's columns",
                    "cell",
                    cell)));
        return;
      }
      header.forEach(
          (col, name) -> {
            String v = cells.get(col);
            fields.put(name, v == null || v.isEmpty() ? null : v);
          });
      rows.accept(RawRow.of(number, fields));
    }

    private Map<Integer, String> headerOf(TreeMap<Integer, String> cells) {
      List<String> names = new ArrayList<>();
      List<Integer> columns = new ArrayList<>();
      for (Map.Entry<Integer, String> c : cells.entrySet()) {
        if (c.getValue() != null && !c.getValue().isBlank()) {
          names.add(c.getValue());
          columns.add(c.getKey());
        }
      }
      try {
        List<String> wire = known.resolve(names);
        Map<Integer, String> header = new LinkedHashMap<>();
        for (int i = 0; i < wire.size(); i++) {
          header.put(columns.get(i), wire.get(i));
        }
        return header;
      } catch (UnparseableBatchException e) {
        throw new Header.Refused(e);
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      if (cellReference == null || formattedValue == null) {
        return;
      }
      cells.put(new CellReference(cellReference).getCol() & 0xFFFF, formattedValue);
    }

    @Override
    public void headerFooter(String text, boolean isHeader, String tagName) {}
  }
}
