package io.liangshai.reports.render;

import io.liangshai.reports.snapshot.IndicatorColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignElement;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignStaticText;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * The league table's columns when the scheme weights defined indicators (SPEC §7): {@code
 * league-table.jrxml} with one column per indicator after the four built-in rates, named in its
 * header, on the same A4 portrait width. The fixed columns narrow (more from five defined
 * indicators on), the font drops from 8 pt to 7 (6.5 from five, 6 with less padding from seven) and
 * the headers wrap onto as many lines as the longest name needs: eight defined indicators still fit
 * with every rate column 27 pt wide (beyond that the columns narrow further). A scheme of built-in
 * rates only keeps the template as it is. Compiled once per list of headers (a second or so) and
 * kept.
 */
final class LeagueTableLayout {

  /** The field of the {@code i}-th defined indicator's display value in a row map. */
  static String field(int i) {
    return "x" + i;
  }

  private static final String TEMPLATE = "/io/liangshai/reports/templates/league-table.jrxml";

  /** Rank, change, name, received, score: their widths with up to four defined columns. */
  private static final int[] FIXED = {20, 24, 60, 30, 30};

  /** The same from five defined columns on, to leave the rates more room. */
  private static final int[] NARROW = {18, 20, 52, 26, 28};

  private static final int SIGNALS = 56;
  private static final int NARROW_SIGNALS = 46;
  private static final int WIDTH = 515;
  private static final int BUILT_IN_RATES = 4;
  private static final int MAX_CACHED = 32;

  private static final Map<List<String>, JasperReport> COMPILED = new ConcurrentHashMap<>();

  private LeagueTableLayout() {}

  /** The compiled league table for these columns: the template itself when there are none. */
  static JasperReport report(List<IndicatorColumn> columns, JasperReport template) {
    if (columns.isEmpty()) {
      return template;
    }
    List<String> headers = columns.stream().map(IndicatorColumn::name).toList();
    if (COMPILED.size() > MAX_CACHED) {
      COMPILED.clear();
    }
    return COMPILED.computeIfAbsent(headers, LeagueTableLayout::compile);
  }

  /** The font size of the table's cells with {@code defined} indicator columns. */
  static float fontSize(int defined) {
    return defined <= 4 ? 7f : defined <= 6 ? 6.5f : 6f;
  }

  /** The widths of rank, change, name, received and score with {@code defined} columns. */
  static int[] fixedWidths(int defined) {
    return defined <= 4 ? FIXED : NARROW;
  }

  /** The width of each rate column (built-in and defined) with {@code defined} columns. */
  static int rateWidth(int defined) {
    int fixed = defined <= 4 ? SIGNALS : NARROW_SIGNALS;
    for (int w : fixedWidths(defined)) {
      fixed += w;
    }
    return (WIDTH - fixed) / (BUILT_IN_RATES + defined);
  }

  private static JasperReport compile(List<String> headers) {
    try (InputStream in = LeagueTableLayout.class.getResourceAsStream(TEMPLATE)) {
      JasperDesign design = JRXmlLoader.load(in);
      widen(design, headers);
      return JasperCompileManager.compileReport(design);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("the league table with " + headers + " does not compile", e);
    }
  }

  private static void widen(JasperDesign design, List<String> headers) throws JRException {
    int k = headers.size();
    float font = fontSize(k);
    JRDesignStyle cell = (JRDesignStyle) design.getStylesMap().get("cell");
    cell.setFontSize(font);
    int padding = k <= 6 ? 2 : 1;
    cell.getLineBox().setLeftPadding(padding);
    cell.getLineBox().setRightPadding(padding);
    int rate = rateWidth(k);
    JRDesignBand head = (JRDesignBand) design.getColumnHeader();
    JRDesignBand detail = (JRDesignBand) design.getDetailSection().getBands()[0];
    JRElement[] heads = head.getElements();
    JRElement[] cells = detail.getElements();
    int headerHeight = headerHeight(headers, rate, font, padding);
    head.setHeight(headerHeight);
    int x = 0;
    int[] fixed = fixedWidths(k);
    int built = fixed.length + BUILT_IN_RATES;
    for (int i = 0; i < built; i++) {
      int w = i < fixed.length ? fixed[i] : rate;
      place(heads[i], x, w, headerHeight);
      place(cells[i], x, w, cells[i].getHeight());
      x += w;
    }
    JRDesignStaticText headTemplate = (JRDesignStaticText) heads[built - 1];
    JRDesignTextField cellTemplate = (JRDesignTextField) cells[built - 1];
    for (int i = 0; i < k; i++) {
      JRDesignField field = new JRDesignField();
      field.setName(field(i));
      field.setValueClass(String.class);
      design.addField(field);
      JRDesignStaticText h = (JRDesignStaticText) headTemplate.clone();
      h.setText(headers.get(i));
      place(h, x, rate, headerHeight);
      head.addElement(h);
      JRDesignTextField c = (JRDesignTextField) cellTemplate.clone();
      c.setExpression(new JRDesignExpression("$F{" + field(i) + "}"));
      c.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
      place(c, x, rate, cellTemplate.getHeight());
      detail.addElement(c);
      x += rate;
    }
    place(heads[built], x, WIDTH - x, headerHeight);
    place(cells[built], x, WIDTH - x, cells[built].getHeight());
  }

  private static void place(JRElement element, int x, int width, int height) {
    JRDesignElement e = (JRDesignElement) element;
    e.setX(x);
    e.setWidth(width);
    e.setHeight(height);
  }

  /**
   * A header tall enough for the name that needs the most lines in a rate column: a CJK character
   * is one em wide, anything else about half; bold text wraps at the padded width; a line of Noto
   * Sans CJK is about 1.45 em high, and the cell has a point of padding above and below.
   */
  static int headerHeight(List<String> headers, int width, float font, int padding) {
    float usable = width - 2 * padding - font * 0.5f;
    int lines = 2;
    for (String name : headers) {
      float em = 0;
      for (int i = 0; i < name.length(); i++) {
        em += name.charAt(i) < 0x2E80 ? 0.55f : 1f;
      }
      lines = Math.max(lines, (int) Math.ceil(em * font / usable));
    }
    return Math.max(18, (int) Math.ceil(lines * font * 1.5f + 6));
  }
}
