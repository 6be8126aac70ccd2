package io.liangshai.reports.render;

import io.liangshai.core.time.Period;
import io.liangshai.reports.snapshot.AnomalyTable;
import io.liangshai.reports.snapshot.AnomalyTable.AnomalyRow;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.Figures;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.IndicatorCell;
import io.liangshai.reports.snapshot.ListEntry;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.snapshot.TargetShortfall;
import io.liangshai.reports.snapshot.Wording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bulletin's tables as an XLSX workbook for officials who rework the numbers: a summary sheet,
 * one sheet per peer group, the red and black lists, the anomaly counts, the members below target
 * (目标达成) and the methodology. Rates are numbers formatted as percentages, a peer group's sheet has
 * a column for each defined indicator of the scheme after 说明; rendered from the same snapshot as
 * the PDF.
 */
public final class BulletinXlsx {

  private static final String[] SIGNAL_COLUMNS = {"办结率信号", "超时办结率信号", "重发复发率信号", "满意率信号"};
  private static final String[] RATES = {
    "resolution_rate", "overdue_rate", "recurrence_rate", "satisfaction_rate"
  };

  private final XSSFWorkbook book = new XSSFWorkbook();
  private final CellStyle header;
  private final CellStyle percent;
  private final CellStyle decimal;

  private BulletinXlsx() {
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    percent = book.createCellStyle();
    percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
    decimal = book.createCellStyle();
    decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
  }

  public static byte[] render(BulletinSnapshot snapshot) {
    BulletinXlsx x = new BulletinXlsx();
    x.summary(snapshot);
    snapshot.groups().forEach(x::group);
    x.lists(snapshot.groups());
    x.anomalies(snapshot.anomalies());
    x.targets(snapshot.targets());
    SectionSheets.write(x.book, x.header, snapshot);
    x.methodology(snapshot.methodology());
    try (XSSFWorkbook book = x.book) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void summary(BulletinSnapshot s) {
    Sheet sheet = book.createSheet("概况");
    Figures f = s.provinceFigures();
    Object[][] lines = {
      {"通报", s.title()},
      {"期次", "第" + s.issueNo() + "期"},
      {"统计期", Wording.period(Period.parse(s.period())) + "（" + s.period() + "）"},
      {"通报编号", s.id()},
      {"系列", s.series()},
      {"发布时间", s.publishedAt()},
      {"评价方案", s.scheme().name() + "（" + s.scheme().ref() + "）"},
      {
        "更正",
        s.corrects() == null ? "" : "更正第" + s.corrects().issueNo() + "期（" + s.corrects().id() + "）"
      },
      {"受理件数", f.received()},
      {"办结件数", f.closed()},
      {"办结率", f.resolutionRate()},
      {"超时办结件数", f.overdueClosed()},
      {"超时办结率", f.overdueRate()},
      {"重发复发件数", f.recurrences()},
      {"重发复发率", f.recurrenceRate()},
      {"参与评价件数", f.rated()},
      {"满意件数", f.satisfied()},
      {"满意率", f.satisfactionRate()},
      {"不满意件数", f.dissatisfied()},
      {"超期未办结件数", f.overdueOpen()},
      {"二次交办件数", f.reassigned()},
      {"领导批示件数", f.leaderInstructed()},
      {"提级办理件数", f.escalated()},
    };
    for (int i = 0; i < lines.length; i++) {
      Row row = sheet.createRow(i);
      text(row, 0, (String) lines[i][0]).setCellStyle(header);
      String label = (String) lines[i][0];
      value(row, 1, lines[i][1], label.endsWith("率"));
    }
    sheet.setColumnWidth(0, 16 * 256);
    sheet.setColumnWidth(1, 48 * 256);
  }

  private void group(GroupTable g) {
    Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(g.label()));
    List<String> names = new ArrayList<>();
    names.addAll(
        List.of(
            "排名",
            "上期排名",
            "变化",
            "地区代码",
            "地区",
            "受理量",
            "办结量",
            "得分",
            "办结率",
            "超时办结率",
            "重发复发率",
            "满意率",
            SIGNAL_COLUMNS[0],
            SIGNAL_COLUMNS[1],
            SIGNAL_COLUMNS[2],
            SIGNAL_COLUMNS[3],
            "说明"));
    g.columns().forEach(c -> names.add(c.name()));
    headers(sheet, names.toArray(String[]::new));
    int r = 1;
    for (TableRow t : g.rows()) {
      Row row = sheet.createRow(r++);
      Figures f = t.figures();
      value(row, 0, t.rank(), false);
      value(row, 1, t.previousRank(), false);
      text(row, 2, Display.change(t));
      text(row, 3, t.tenant());
      text(row, 4, t.name());
      value(row, 5, f.received(), false);
      value(row, 6, f.closed(), false);
      if (t.score() != null) {
        row.createCell(7).setCellValue(t.score().doubleValue());
        row.getCell(7).setCellStyle(decimal);
      }
      value(row, 8, f.resolutionRate(), true);
      value(row, 9, f.overdueRate(), true);
      value(row, 10, f.recurrenceRate(), true);
      value(row, 11, f.satisfactionRate(), true);
      for (int i = 0; i < RATES.length; i++) {
        text(row, 12 + i, t.signals().getOrDefault(RATES[i], ""));
      }
      text(row, 16, t.ranked() ? "" : Display.unranked(t));
      for (int i = 0; i < g.columns().size(); i++) {
        indicator(row, 17 + i, t.custom().get(g.columns().get(i).code()));
      }
    }
    sheet.createFreezePane(0, 1);
    sheet.setColumnWidth(4, 14 * 256);
  }

  /** A defined indicator's value: a ratio in percent, mean days to 2 decimals, a bare number. */
  private void indicator(Row row, int column, IndicatorCell cell) {
    if (cell != null && cell.value() != null) {
      Cell c = row.createCell(column);
      c.setCellValue(
          cell.ratio()
              ? cell.numerator() / (double) cell.denominator()
              : cell.value().doubleValue());
      c.setCellStyle(cell.ratio() ? percent : cell.meanDays() ? decimal : c.getCellStyle());
    }
  }

  private void lists(List<GroupTable> groups) {
    Sheet sheet = book.createSheet("红黑榜");
    headers(sheet, "组别", "榜单", "排名", "地区代码", "地区", "得分", "依据");
    int r = 1;
    for (GroupTable g : groups) {
      r = list(sheet, r, g, "红榜", g.red());
      r = list(sheet, r, g, "黑榜", g.black());
    }
  }

  private int list(Sheet sheet, int r, GroupTable g, String which, List<ListEntry> entries) {
    for (ListEntry e : entries) {
      Row row = sheet.createRow(r++);
      text(row, 0, g.label());
      text(row, 1, which);
      value(row, 2, e.rank(), false);
      text(row, 3, e.tenant());
      text(row, 4, e.name());
      row.createCell(5).setCellValue(e.score().doubleValue());
      row.getCell(5).setCellStyle(decimal);
      text(row, 6, String.join(" ", e.evidence()));
    }
    return r;
  }

  private void anomalies(List<AnomalyTable> tables) {
    Sheet sheet = book.createSheet("双闭环异常");
    headers(sheet, "层级", "地区代码", "地区", "受理量", "不满意", "超期未办结", "超时办结", "二次交办", "领导批示", "提级办理");
    int r = 1;
    for (AnomalyTable t : tables) {
      for (AnomalyRow a : t.rows()) {
        Row row = sheet.createRow(r++);
        text(row, 0, t.label());
        text(row, 1, a.tenant());
        text(row, 2, a.name());
        long[] counts = {
          a.received(),
          a.dissatisfied(),
          a.overdueOpen(),
          a.overdueClosed(),
          a.reassigned(),
          a.leaderInstructed(),
          a.escalated()
        };
        for (int i = 0; i < counts.length; i++) {
          row.createCell(3 + i).setCellValue(counts[i]);
        }
      }
    }
    sheet.createFreezePane(0, 1);
  }

  /** 目标达成: one row per member below a target; a group and indicator with none, one row without. */
  private void targets(List<TargetShortfall> lines) {
    Sheet sheet = book.createSheet("目标达成");
    headers(sheet, "组别", "指标代码", "指标", "方向", "目标值", "有数据地区数", "未达标地区数", "地区代码", "地区", "指标值");
    int r = 1;
    for (TargetShortfall t : lines) {
      boolean rate = "rate".equals(t.unit());
      List<TargetShortfall.Below> below =
          t.below().isEmpty() ? Collections.singletonList(null) : t.below();
      for (TargetShortfall.Below b : below) {
        Row row = sheet.createRow(r++);
        text(row, 0, t.groupLabel());
        text(row, 1, t.indicator());
        text(row, 2, t.name());
        text(row, 3, "lower_better".equals(t.direction()) ? "≤" : "≥");
        value(row, 4, t.target(), rate);
        value(row, 5, t.judged(), false);
        value(row, 6, t.below().size(), false);
        if (b != null) {
          text(row, 7, b.tenant());
          text(row, 8, b.name());
          value(row, 9, b.value(), rate);
        }
      }
    }
    sheet.createFreezePane(0, 1);
  }

  private void methodology(List<String> paragraphs) {
    Sheet sheet = book.createSheet("说明");
    for (int i = 0; i < paragraphs.size(); i++) {
      text(sheet.createRow(i), 0, (i + 1) + ". " + paragraphs.get(i));
    }
    sheet.setColumnWidth(0, 120 * 256);
  }

  private void headers(Sheet sheet, String... names) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < names.length; i++) {
      text(row, i, names[i]).setCellStyle(header);
    }
  }

  private static Cell text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    return cell;
  }

  private void value(Row row, int column, Object value, boolean isRate) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(column);
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
      if (isRate) {
        cell.setCellStyle(percent);
      }
    } else {
      cell.setCellValue(value.toString());
    }
  }
}
