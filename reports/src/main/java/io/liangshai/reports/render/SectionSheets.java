package io.liangshai.reports.render;

import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.CommonProblem;
import io.liangshai.reports.snapshot.OpenCases;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's sheets of the 预警 and 举一反三 sections, when the snapshot holds them: one row per
 * tenant with its open cases per deadline state, and one row per common problem with its key words
 * as found (the PDF marks characters its font lacks; a spreadsheet shows them with the reader's).
 */
final class SectionSheets {

  private SectionSheets() {}

  static void write(XSSFWorkbook book, CellStyle header, BulletinSnapshot s) {
    if (s.openCases() != null) {
      Sheet sheet = book.createSheet("预警");
      headers(
          sheet,
          header,
          "层级",
          "地区代码",
          "地区",
          "所属设区市",
          state("overdue"),
          state("due_soon"),
          state("on_track"),
          "未办结合计");
      int r = 1;
      r = open(sheet, r, "设区市（含所辖县）", s.openCases().cities());
      open(sheet, r, "县（市、区）", s.openCases().counties());
      sheet.createFreezePane(0, 1);
    }
    if (s.commonProblems() != null) {
      Sheet sheet = book.createSheet("举一反三");
      headers(
          sheet,
          header,
          term("id"),
          term("label"),
          term("cases"),
          "涉及地区数",
          term("tenants"),
          term("categories"),
          term("previous"),
          term("change"));
      int r = 1;
      for (CommonProblem c : s.commonProblems()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(c.id());
        row.createCell(1).setCellValue(c.label());
        row.createCell(2).setCellValue(c.cases());
        row.createCell(3).setCellValue(c.tenants().size());
        row.createCell(4).setCellValue(String.join(" ", c.tenants()));
        row.createCell(5)
            .setCellValue(
                String.join(
                    "、",
                    c.categories().stream().map(k -> Vocabulary.term("category", k)).toList()));
        row.createCell(6).setCellValue(c.previous());
        row.createCell(7).setCellValue(c.change());
      }
      sheet.setColumnWidth(1, 30 * 256);
      sheet.createFreezePane(0, 1);
    }
  }

  private static int open(Sheet sheet, int r, String level, List<OpenCases.Row> rows) {
    for (OpenCases.Row o : rows) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(level);
      row.createCell(1).setCellValue(o.tenant());
      row.createCell(2).setCellValue(o.name());
      row.createCell(3).setCellValue(o.cityName());
      row.createCell(4).setCellValue(o.overdue());
      row.createCell(5).setCellValue(o.dueSoon());
      row.createCell(6).setCellValue(o.onTrack());
      row.createCell(7).setCellValue(o.open());
    }
    return r;
  }

  private static void headers(Sheet sheet, CellStyle style, String... names) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < names.length; i++) {
      row.createCell(i).setCellValue(names[i]);
      row.getCell(i).setCellStyle(style);
    }
  }

  private static String state(String key) {
    return Vocabulary.term("deadline_state", key);
  }

  private static String term(String key) {
    return Vocabulary.term("common_problem", key);
  }
}
