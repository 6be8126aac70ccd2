package io.liangshai.ingest;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.landing.LandingFile;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.FieldError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * XLSX (also numeric and date cells), GBK CSV, Chinese headers, NUL bytes, zip bombs and the row
 * limit.
 */
class IntakeFormatsTest {

  @RegisterExtension static final IndexDatabase INDEX = new IndexDatabase();

  @TempDir Path dir;
  private BatchIntake intake;

  @BeforeEach
  void open() throws Exception {
    intake = IntakeFixture.open(INDEX, dir, 5);
  }

  @AfterEach
  void close() {
    intake.close();
  }

  static List<String> header(boolean chinese) {
    List<String> names = new ArrayList<>(aCase().row().keySet());
    return chinese ? names.stream().map(n -> CaseColumns.all().get(n)).toList() : names;
  }

  static List<String> cells(Map<String, Object> row) {
    List<String> cells = new ArrayList<>();
    row.values().forEach(v -> cells.add(v == null ? null : v.toString()));
    return cells;
  }

  static byte[] xlsx(List<String> header, List<Map<String, Object>> rows) throws Exception {
    try (XlsxBatchWriter w = new XlsxBatchWriter(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      rows.forEach(r -> w.row(cells(r)));
      w.writeTo(out);
      return out.toByteArray();
    }
  }

  static String csv(List<String> header, List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
    for (Map<String, Object> r : rows) {
      b.append(String.join(",", cells(r).stream().map(c -> c == null ? "" : c).toList()))
          .append('\n');
    }
    return b.toString();
  }

  private BatchResult send(BatchFormat format, Optional<Charset> charset, byte[] body)
      throws Exception {
    return IntakeFixture.send(intake, IntakeFixture.COUNTY, format, charset, body);
  }

  @Test
  void readsAnXlsxWithChineseHeaders() throws Exception {
    byte[] body =
        xlsx(
            header(true),
            List.of(
                aCase().caseId("x1").enterpriseName("湖州某公司").row(), aCase().caseId("x2").row()));

    BatchResult r = send(BatchFormat.XLSX, Optional.empty(), body);

    assertThat(r.errors()).isEmpty();
    assertThat(r.accepted()).isEqualTo(2);
  }

  @Test
  void anXlsxRowIsTheSameRecordAsItsJson() throws Exception {
    send(
        BatchFormat.JSON_ARRAY,
        Optional.empty(),
        ("["
                + new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(aCase().row())
                + "]")
            .getBytes(StandardCharsets.UTF_8));

    BatchResult r =
        send(BatchFormat.XLSX, Optional.empty(), xlsx(header(false), List.of(aCase().row())));

    assertThat(r.ignored()).isEqualTo(1);
  }

  @Test
  void readsTheTemplateFilledIn() throws Exception {
    byte[] template = CaseTemplate.xlsx();
    assertThat(template.length).isPositive();
    // An empty template is a header and no rows.
    BatchResult r = send(BatchFormat.XLSX, Optional.empty(), template);
    assertThat(r.accepted()).isZero();
    assertThat(r.rejected()).isZero();
  }

  @Test
  void readsGbkCsvDeclaredOrDetected() throws Exception {
    String text = csv(header(true), List.of(aCase().caseId("g1").description("企业反映用地问题").row()));
    Charset gbk = Charset.forName("GBK");

    BatchResult declared =
        send(BatchFormat.CSV, TextEncoding.declared("text/csv; charset=GBK"), text.getBytes(gbk));
    assertThat(declared.errors()).isEmpty();
    assertThat(declared.accepted()).isEqualTo(1);

    String text2 = csv(header(true), List.of(aCase().caseId("g2").description("企业反映用地问题").row()));
    BatchResult detected = send(BatchFormat.CSV, Optional.empty(), text2.getBytes(gbk));
    assertThat(detected.errors()).isEmpty();
    assertThat(detected.accepted()).isEqualTo(1);
  }

  @Test
  void refusesGbkJsonAndAnUnknownCharset() {
    assertThatThrownBy(() -> TextEncoding.declared("text/csv; charset=latin1"))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("latin1");
    assertThatThrownBy(
            () ->
                send(
                    BatchFormat.JSON_LINES,
                    Optional.empty(),
                    "{\"case_id\":\"企业\"}\n".getBytes(Charset.forName("GBK"))))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void refusesNulBytesInTheBodyAndNulCharactersInAField() throws Exception {
    byte[] withNul = csv(header(false), List.of(aCase().row())).getBytes(StandardCharsets.UTF_8);
    withNul[withNul.length - 3] = 0;
    assertThatThrownBy(() -> send(BatchFormat.CSV, Optional.empty(), withNul))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("NUL byte at offset " + (withNul.length - 3));

    BatchResult r =
        send(
            BatchFormat.JSON_LINES,
            Optional.empty(),
            "{\"case_id\":\"a\\u0000b\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.errors()).extracting(FieldError::message).first().asString().contains("NUL");
  }

  @Test
  void refusesUnknownColumnsInTheHeader() {
    assertThatThrownBy(
            () ->
                send(
                    BatchFormat.CSV,
                    Optional.empty(),
                    "id,tenant,名称\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("unknown columns \"id\", \"tenant\", \"名称\"")
        .hasMessageContaining("问题件编号");
  }

  @Test
  void refusesABrokenXlsx() throws Exception {
    byte[] good = xlsx(header(false), List.of(aCase().row()));
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    assertThatThrownBy(() -> send(BatchFormat.XLSX, Optional.empty(), truncated))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("XLSX");
    assertThatThrownBy(
            () ->
                send(
                    BatchFormat.XLSX,
                    Optional.empty(),
                    "not a zip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("not an XLSX workbook");
  }

  @Test
  void refusesAZipBomb() throws Exception {
    assertThatThrownBy(() -> send(BatchFormat.XLSX, Optional.empty(), zipBomb()))
        .isInstanceOf(UnparseableBatchException.class)
        .hasMessageContaining("zip bomb");
    assertThat(Files.list(dir.resolve("landing/incoming"))).isEmpty();
  }

  @Test
  void refusesMoreRowsThanTheLimitAndKeepsNothing() throws Exception {
    List<Map<String, Object>> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(aCase().caseId("r" + i).row());
    }
    assertThatThrownBy(() -> send(BatchFormat.XLSX, Optional.empty(), xlsx(header(false), six)))
        .isInstanceOf(BatchTooLargeException.class)
        .hasMessageContaining("more than 5 rows");
    assertThat(Files.list(dir.resolve("landing/raw"))).isEmpty();
    assertThat(
            send(BatchFormat.XLSX, Optional.empty(), xlsx(header(false), six.subList(0, 5)))
                .accepted())
        .isEqualTo(5);
  }

  @Test
  void readsNumericXlsxCellsAsTheirExactValue() throws Exception {
    Map<String, Object> first = aCase().caseId("x").reassignedCount(3).row();
    first.put("case_id", 202401020001.0);
    first.put("description", 0.5);
    Map<String, Object> second = aCase().caseId("x").row();
    second.put("case_id", 202401020002.0);
    second.put("reassigned_count", 1.0);

    BatchResult r = send(BatchFormat.XLSX, Optional.empty(), typedXlsx(List.of(first, second)));

    assertThat(r.errors()).isEmpty();
    assertThat(r.accepted()).as("two cases, not one merged by 2.02401E11").isEqualTo(2);
    List<CaseRecord> landed = landed(r);
    assertThat(landed)
        .extracting(CaseRecord::caseId)
        .containsExactly("202401020001", "202401020002");
    assertThat(landed).extracting(CaseRecord::reassignedCount).containsExactly(3, 1);
    assertThat(landed.get(0).description()).isEqualTo("0.5");
  }

  @Test
  void rendersNumbersWithoutExponentOrTrailingZeros() {
    assertThat(ExactCellFormatter.exact(202401020001.0)).isEqualTo("202401020001");
    assertThat(ExactCellFormatter.exact(1.0)).isEqualTo("1");
    assertThat(ExactCellFormatter.exact(0.5)).isEqualTo("0.5");
    assertThat(ExactCellFormatter.exact(-0.0)).isEqualTo("0");
    assertThat(ExactCellFormatter.exact(1e20)).isEqualTo("100000000000000000000");
    assertThat(ExactCellFormatter.exact(1.25e-7)).isEqualTo("0.000000125");
    assertThat(new ExactCellFormatter().formatRawCellContents(1234567.5, 4, "#,##0.00"))
        .as("a number format changes nothing")
        .isEqualTo("1234567.5");
  }

  @Test
  void aDateFormattedCellIsATimeWithoutOffsetAndRejectedAsSuch() throws Exception {
    Map<String, Object> row = aCase().caseId("d1").row();
    row.put("received_at", LocalDateTime.parse("2024-01-02T09:00:00"));

    BatchResult r = send(BatchFormat.XLSX, Optional.empty(), typedXlsx(List.of(row)));

    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("received_at");
              assertThat(e.message()).contains("\"2024-01-02T09:00:00\" has no offset");
            });
  }

  @Test
  void aCaseIdWithSurroundingWhiteSpaceIsNeverSilentlyAnotherCase() throws Exception {
    Map<String, Object> row = aCase().caseId("202401020001").row();
    row.put("case_id", " 202401020001");

    BatchResult r = send(BatchFormat.XLSX, Optional.empty(), typedXlsx(List.of(row)));

    // SPEC §2 rejects it with a reason; the intake never trims it into the id of another case.
    assertThat(r.accepted()).isZero();
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.errors()).extracting(FieldError::field).containsExactly("case_id");
  }

  /**
   * A workbook written with POI's XSSFWorkbook as a spreadsheet user would: numbers as numeric
   * cells, date-times as date-formatted cells, the rest as text.
   */
  static byte[] typedXlsx(List<Map<String, Object>> rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("问题件");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      List<String> header = header(false);
      Row head = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        head.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < header.size(); i++) {
          Object v = rows.get(r).get(header.get(i));
          if (v instanceof Number n) {
            row.createCell(i).setCellValue(n.doubleValue());
          } else if (v instanceof LocalDateTime t) {
            Cell cell = row.createCell(i);
            cell.setCellValue(t);
            cell.setCellStyle(date);
          } else if (v != null) {
            row.createCell(i).setCellValue(v.toString());
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private List<CaseRecord> landed(BatchResult r) throws Exception {
    return Files.readAllLines(dir.resolve("landing/records").resolve(r.batchId() + ".jsonl"))
        .stream()
        .filter(line -> !LandingFile.isControl(line))
        .map(CaseRecordCodec::fromJson)
        .toList();
  }

  /**
   * A minimal workbook whose sheet XML inflates from ~100 KB to 100 MB: POI must refuse it before
   * inflating it.
   */
  static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 100; i++) {
        zip.write(spaces);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
