package io.liangshai.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.IndicatorCell;
import io.liangshai.reports.snapshot.IndicatorColumn;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.testing.PageInk;
import io.liangshai.reports.testing.PdfLayout;
import io.liangshai.reports.testing.PdfLayout.Glyph;
import io.liangshai.reports.testing.PdfLayout.Line;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The league table of a scheme with many defined indicators still fits the A4 portrait page: the
 * sample's January bulletin with eight defined columns (ratios, mean days, bare values, long and
 * short Chinese names) added to every group, written to {@code target/bulletin-eight-columns.pdf}
 * for a look. Every header is there whole (wrapped, not clipped) and every member's line holds each
 * value as {@link Display} writes it.
 */
class LeagueTableLayoutTest {

  private static final List<String> NAMES =
      List.of("问题发现率", "投资项目审批时效度", "政策兑现率", "万家民企评部门", "平均办理时长", "企业满意度评分", "惠企政策直达率", "X");

  @Test
  void eightDefinedColumnsFitWithEveryHeaderWholeAndEveryValueInItsRow() throws Exception {
    BulletinSnapshot sample = BulletinPdfTest.sample("2024-01", 1, "2024-02-06T01:00:00Z");
    BulletinSnapshot wide = withColumns(sample);
    byte[] pdf = BulletinPdf.render(wide);
    Path out = Path.of("target", "bulletin-eight-columns.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);

    PdfLayout layout = PdfLayout.read(pdf);
    Glyph heading = layout.find("（一）设区市").orElseThrow();
    Glyph note = layout.find(heading.page(), heading.y() + 1, "个参与排名").orElseThrow();
    GroupTable cities = wide.groups().get(0);
    TableRow top = cities.rows().get(0);
    Line first =
        layout.lines().stream()
            .filter(l -> l.page() == heading.page() && l.y() > note.y())
            .filter(l -> l.text().contains(top.name()))
            .findFirst()
            .orElseThrow();
    List<String> expected =
        new ArrayList<>(List.of("排名", "变化", "地区", "受理量", "得分", "办结率", "超时办结率", "重发复发率", "满意率"));
    expected.addAll(NAMES);
    expected.add("信号");
    assertThat(
            PdfLayout.columns(layout.glyphs(heading.page(), 0, 1000, note.y() + 2, first.y() - 4)))
        .containsExactlyElementsOf(expected);
    for (GroupTable g : wide.groups()) {
      for (TableRow r : g.rows()) {
        StringBuilder values = new StringBuilder(Display.rate(r.figures().satisfactionRate()));
        g.columns().forEach(c -> values.append(Display.indicator(r.custom().get(c.code()))));
        assertThat(layout.lines())
            .as("%s %s: %s", g.group(), r.name(), values)
            .anySatisfy(l -> assertThat(l.text()).contains(r.name()).contains(values));
      }
    }
    Glyph x = layout.find(heading.page(), note.y() + 2, "投资").orElseThrow();
    PageInk.render(pdf, heading.page(), "bulletin-eight-columns")
        .assertRealGlyphs(x, 6, 0, 2, "投资");
  }

  @Test
  void aBareValueShowsAtMostFourDecimalsAndMeanDaysTwo() {
    assertThat(Display.indicator(new IndicatorCell(null, null, null, new BigDecimal("87.123456"))))
        .isEqualTo("87.1235");
    assertThat(Display.indicator(new IndicatorCell(null, null, null, new BigDecimal("80.00"))))
        .isEqualTo("80");
    assertThat(Display.indicator(new IndicatorCell(null, null, 12L, new BigDecimal("3.2050"))))
        .isEqualTo("3.21天");
    assertThat(Display.indicator(new IndicatorCell(2L, 3L, null, new BigDecimal("0.6667"))))
        .isEqualTo("66.7%");
    assertThat(Display.indicator(new IndicatorCell(0L, 0L, null, null))).isEqualTo("—");
  }

  private static IndicatorCell ratio(long n, long d) {
    return new IndicatorCell(n, d, null, BigDecimal.valueOf((double) n / d));
  }

  /** The sample with {@link #NAMES} as defined columns of every group, values made up per row. */
  private static BulletinSnapshot withColumns(BulletinSnapshot s) {
    List<IndicatorColumn> columns = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      String kind = i % 3 == 0 ? "case_ratio" : i % 3 == 1 ? "case_mean_days" : "reported";
      columns.add(new IndicatorColumn("x" + i, NAMES.get(i), kind));
    }
    List<GroupTable> groups = new ArrayList<>();
    for (GroupTable g : s.groups()) {
      List<TableRow> rows = new ArrayList<>();
      int n = 0;
      for (TableRow r : g.rows()) {
        Map<String, IndicatorCell> custom = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          long d = 10 + (n * 7 + i) % 90;
          IndicatorCell cell =
              switch (i % 3) {
                case 0 -> ratio(d - (n + i) % 10, d);
                case 1 -> new IndicatorCell(null, null, d, BigDecimal.valueOf(d * 1371, 4));
                default ->
                    (n + i) % 5 == 0
                        ? new IndicatorCell(null, null, null, null)
                        : new IndicatorCell(null, null, null, BigDecimal.valueOf(d * 1013, 2));
              };
          custom.put("x" + i, cell);
        }
        n++;
        rows.add(
            new TableRow(
                r.tenant(),
                r.name(),
                r.rank(),
                r.previousRank(),
                r.rankChange(),
                r.score(),
                r.ineligibleReason(),
                r.figures(),
                r.signals(),
                custom));
      }
      groups.add(
          new GroupTable(
              g.group(),
              g.label(),
              g.ranked(),
              g.listSize(),
              g.pooledRates(),
              rows,
              g.red(),
              g.black(),
              columns));
    }
    return BulletinPdfTest.with(s, groups, s.commonProblems(), s.openCases());
  }
}
