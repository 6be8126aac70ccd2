package io.liangshai.reports.render;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.IndicatorCell;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.snapshot.Wording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The peer groups of a snapshot as the bulletin template's main data source reads them: per group
 * its heading, note, league-table rows (the fields of {@code league-table.jrxml}, plus {@link
 * LeagueTableLayout#field} for each defined indicator column) and bar chart.
 */
final class GroupsView {

  /** Groups with at most this many ranked members get a bar chart of their scores. */
  static final int CHART_MAX = 30;

  private static final int SMALL_CHART = 12;

  private GroupsView() {}

  /**
   * One map per peer group: heading, note, table rows, the league-table report for its columns
   * (from {@code template}) and chart.
   */
  static List<Map<String, ?>> groups(BulletinSnapshot s, JasperReport template) {
    List<Map<String, ?>> groups = new ArrayList<>();
    int chart = 0;
    for (int i = 0; i < s.groups().size(); i++) {
      GroupTable g = s.groups().get(i);
      Map<String, Object> m = new HashMap<>();
      m.put("heading", "（" + PdfView.numeral(i) + "）" + g.label());
      m.put("note", note(g));
      m.put("rows", rows(g));
      m.put("tableReport", LeagueTableLayout.report(g.columns(), template));
      List<Map<String, ?>> bars = bars(g);
      String size =
          bars.isEmpty() || g.ranked() > CHART_MAX
              ? "none"
              : bars.size() <= SMALL_CHART ? "small" : "large";
      m.put("chartSize", size);
      m.put("chartRows", bars);
      m.put("chartTitle", "none".equals(size) ? "" : "图" + (++chart) + "　" + g.label() + "综合得分");
      groups.add(m);
    }
    return groups;
  }

  private static String note(GroupTable g) {
    StringJoiner pooled = new StringJoiner("，", "；组内合并率：", "。");
    for (Indicator rate :
        List.of(
            Indicator.RESOLUTION_RATE,
            Indicator.OVERDUE_RATE,
            Indicator.RECURRENCE_RATE,
            Indicator.SATISFACTION_RATE)) {
      pooled.add(Wording.rate(rate) + Display.rate(g.pooledRates().get(rate.wireName())));
    }
    return "共" + g.rows().size() + "个地区，" + g.ranked() + "个参与排名" + pooled;
  }

  private static List<Map<String, ?>> rows(GroupTable g) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (TableRow r : g.rows()) {
      Map<String, Object> m = new HashMap<>();
      m.put("rank", Display.rank(r.rank()));
      m.put("change", Display.styledChange(r));
      m.put("name", r.name());
      m.put("received", Display.count(r.figures().received()));
      m.put("score", Display.score(r.score()));
      m.put("resolution", Display.rate(r.figures().resolutionRate()));
      m.put("overdue", Display.rate(r.figures().overdueRate()));
      m.put("recurrence", Display.rate(r.figures().recurrenceRate()));
      m.put("satisfaction", Display.rate(r.figures().satisfactionRate()));
      for (int i = 0; i < g.columns().size(); i++) {
        IndicatorCell cell = r.custom().get(g.columns().get(i).code());
        m.put(LeagueTableLayout.field(i), cell == null ? Display.NONE : Display.indicator(cell));
      }
      m.put("signals", r.ranked() ? Display.signals(r, true) : Display.escape(Display.unranked(r)));
      m.put("ranked", Boolean.toString(r.ranked()));
      rows.add(m);
    }
    return rows;
  }

  private static List<Map<String, ?>> bars(GroupTable g) {
    List<Map<String, ?>> bars = new ArrayList<>();
    for (TableRow r : g.rows()) {
      if (r.ranked()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("score", r.score().doubleValue());
        bars.add(m);
      }
    }
    return bars;
  }
}
