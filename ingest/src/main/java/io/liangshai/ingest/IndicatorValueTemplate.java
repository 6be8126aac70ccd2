package io.liangshai.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The published template for reported indicator values ({@code GET
 * /api/v1/templates/indicator-values.xlsx}, SPEC §7): sheet 指标数值 with a header row of the Chinese
 * labels of {@link IndicatorValueColumns}, every column as text; sheet 填写说明 explains each column. A
 * filled-in copy uploads as it is ({@code POST /api/v1/indicator-values}).
 */
public final class IndicatorValueTemplate {

  /** Wire name → what its cells hold, in the template's order. */
  private static final Map<String, String> EXPLANATIONS =
      Map.of(
          "indicator", "上报类指标的代码（由省级定义，如 policy_fulfilment）",
          "tenant_code", "6 位行政区划代码：本单位或下辖地区",
          "period", "月份，如 2024-03",
          "numerator", "分子，整数，0 ≤ 分子 ≤ 分母；与分母一起填写",
          "denominator", "分母，整数 ≥ 1；与分子一起填写",
          "value", "数值（不填分子和分母时）；同一指标只能用一种形式，由首次上报确定");

  private static final List<String> INTRO =
      List.of(
          "晾晒 指标数值上报模板：在“指标数值”表中每行填写一个指标、一个地区、一个月的数值，第一行表头请勿修改（也可使用英文字段名）。",
          "每行填写分子和分母，或只填写数值；同一指标、地区和月份再次上报不同数值时，以后一次上报为准，相同数值的重复上报被忽略。",
          "地市未单独上报时，其值为下辖县（市、区）分子、分母之和；只有数值的指标不汇总。",
          "");

  private IndicatorValueTemplate() {}

  /** The template as XLSX bytes. */
  public static byte[] xlsx() {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      valuesSheet(wb);
      instructionsSheet(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void valuesSheet(XSSFWorkbook wb) {
    Sheet sheet = wb.createSheet("指标数值");
    CellStyle text = CaseTemplate.textStyle(wb);
    CellStyle head = CaseTemplate.headerStyle(wb);
    Row header = sheet.createRow(0);
    int i = 0;
    for (String label : IndicatorValueColumns.COLUMNS.all().values()) {
      var cell = header.createCell(i);
      cell.setCellValue(label);
      cell.setCellStyle(head);
      sheet.setDefaultColumnStyle(i, text);
      sheet.setColumnWidth(i, 18 * 256);
      i++;
    }
    sheet.createFreezePane(0, 1);
  }

  private static void instructionsSheet(XSSFWorkbook wb) {
    Sheet sheet = wb.createSheet("填写说明");
    int r = 0;
    for (String line : INTRO) {
      sheet.createRow(r++).createCell(0).setCellValue(line);
    }
    Row head = sheet.createRow(r++);
    List<String> titles = List.of("列名", "字段名", "说明");
    for (int i = 0; i < titles.size(); i++) {
      head.createCell(i).setCellValue(titles.get(i));
    }
    for (Map.Entry<String, String> c : IndicatorValueColumns.COLUMNS.all().entrySet()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(c.getValue());
      row.createCell(1).setCellValue(c.getKey());
      row.createCell(2).setCellValue(EXPLANATIONS.get(c.getKey()));
    }
    sheet.setColumnWidth(0, 16 * 256);
    sheet.setColumnWidth(1, 20 * 256);
    sheet.setColumnWidth(2, 80 * 256);
  }
}
