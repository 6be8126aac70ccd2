package io.liangshai.ingest;

import io.liangshai.core.vocabulary.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The published upload template ({@code GET /api/v1/templates/cases.xlsx}): sheet 问题件 with a header
 * row of Chinese labels, every column as text, drop-down lists for the enumerations and 是/否 for the
 * flag; sheet 填写说明 explains every column. A filled-in copy uploads as it is.
 */
public final class CaseTemplate {

  /** Rows that carry the drop-down lists (the row limit of one batch). */
  static final int VALIDATED_ROWS = BatchIntake.DEFAULT_MAX_ROWS;

  /**
   * One column: its field, whether it is required, what it holds, and for an enumeration its
   * allowed values with their meanings from the vocabulary (in the vocabulary's order).
   */
  private record Column(
      String wire, boolean required, String explanation, Map<String, String> meanings) {

    Column(String wire, boolean required, String explanation) {
      this(wire, required, explanation, Map.of());
    }

    List<String> values() {
      return List.copyOf(meanings.keySet());
    }

    String meaning(String value) {
      return meanings.getOrDefault(value, "");
    }
  }

  private CaseTemplate() {}

  /** The template as XLSX bytes. */
  public static byte[] xlsx() {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      List<Column> columns = columns();
      casesSheet(wb, columns);
      instructionsSheet(wb, columns);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void casesSheet(XSSFWorkbook wb, List<Column> columns) {
    Sheet sheet = wb.createSheet("问题件");
    CellStyle text = textStyle(wb);
    CellStyle head = headerStyle(wb);
    Row header = sheet.createRow(0);
    DataValidationHelper dv = sheet.getDataValidationHelper();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      var cell = header.createCell(i);
      cell.setCellValue(CaseColumns.all().get(c.wire()));
      cell.setCellStyle(head);
      sheet.setDefaultColumnStyle(i, text);
      sheet.setColumnWidth(i, 18 * 256);
      if (!c.values().isEmpty()) {
        DataValidation v =
            dv.createValidation(
                dv.createExplicitListConstraint(c.values().toArray(String[]::new)),
                new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
        v.setShowErrorBox(true);
        v.createErrorBox("取值无效", "请从下拉列表中选择：" + String.join(", ", c.values()));
        sheet.addValidationData(v);
      }
    }
    sheet.createFreezePane(0, 1);
  }

  /** Cells kept as text as typed (codes and numbers with leading zeros stay as they are). */
  static CellStyle textStyle(XSSFWorkbook wb) {
    CellStyle text = wb.createCellStyle();
    text.setDataFormat(wb.createDataFormat().getFormat("@"));
    return text;
  }

  /** The header row's cells: bold on light blue. */
  static CellStyle headerStyle(XSSFWorkbook wb) {
    CellStyle head = wb.createCellStyle();
    Font bold = wb.createFont();
    bold.setBold(true);
    head.setFont(bold);
    head.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
    head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return head;
  }

  private static void instructionsSheet(XSSFWorkbook wb, List<Column> columns) {
    Sheet sheet = wb.createSheet("填写说明");
    String[] intro = {
      "晾晒 问题件上传模板：在“问题件”表中每行填写一个问题件的一个版本，第一行表头请勿修改（也可使用英文字段名）。",
      "时间必须带时区，例如 2024-01-02T09:30:00+08:00（北京时间）；不带时区的时间会被拒绝，不会被猜测。",
      "空单元格表示无值；同一问题件的新版本请使用更晚的“更新时间”。上传：bin/liangshai upload --key 密钥 文件.xlsx",
      "",
    };
    int r = 0;
    for (String line : intro) {
      sheet.createRow(r++).createCell(0).setCellValue(line);
    }
    Row head = sheet.createRow(r++);
    String[] titles = {"列名", "字段名", "是否必填", "说明", "可选值"};
    for (int i = 0; i < titles.length; i++) {
      head.createCell(i).setCellValue(titles[i]);
    }
    for (Column c : columns) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(CaseColumns.all().get(c.wire()));
      row.createCell(1).setCellValue(c.wire());
      row.createCell(2).setCellValue(c.required() ? "必填" : "选填");
      row.createCell(3).setCellValue(c.explanation());
      row.createCell(4)
          .setCellValue(
              String.join(
                  "；",
                  c.values().stream()
                      .map(v -> c.meaning(v).isEmpty() ? v : v + "（" + c.meaning(v) + "）")
                      .toList()));
    }
    sheet.setColumnWidth(0, 16 * 256);
    sheet.setColumnWidth(1, 20 * 256);
    sheet.setColumnWidth(3, 60 * 256);
    sheet.setColumnWidth(4, 80 * 256);
  }

  private static List<Column> columns() {
    return List.of(
        new Column("case_id", true, "问题件编号，1–64 个字符，在本地区内唯一"),
        new Column("tenant_code", true, "6 位行政区划代码：本单位或下辖县（市、区）"),
        new Column("updated_at", true, "本版本的更新时间（带时区），同一问题件取最新版本"),
        new Column("enterprise_uscc", true, "18 位统一社会信用代码（按 GB 32100-2015 校验）"),
        new Column("enterprise_name", false, "企业名称，仅本单位及上级可见"),
        new Column("channel", true, "问题来源渠道", Vocabulary.section("channel")),
        new Column("category", true, "问题类别（1+8+N）", Vocabulary.section("category")),
        new Column("received_at", true, "受理时间（带时区）"),
        new Column("deadline", false, "办理时限（带时区）；不填则为受理日后第 15 个工作日 23:59:59"),
        new Column("status", true, "办理状态；撤件不计入任何指标", Vocabulary.section("status")),
        new Column("closed_at", false, "办结时间（带时区）；状态为 closed 时必填，且不早于受理时间"),
        new Column(
            "escalation_level", false, "分级层级，默认 county", Vocabulary.section("escalation_level")),
        new Column("reassigned_count", false, "二次交办次数，整数 ≥ 0，默认 0"),
        new Column("leader_instructed", false, "是否领导批示件，默认 否", booleans()),
        new Column("satisfaction", false, "好差评满意度，未评价不填", Vocabulary.section("satisfaction")),
        new Column("description", false, "问题描述，仅本单位及上级可见"));
  }

  /** 是 and 否, the flag's values (the vocabulary's words for true and false). */
  private static Map<String, String> booleans() {
    Map<String, String> m = new LinkedHashMap<>();
    Vocabulary.section("boolean").values().forEach(word -> m.put(word, ""));
    return m;
  }
}
