package io.liangshai.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where each character of a PDF sits (page, x, y in points from the top left), to read a table
 * column by column as a reader sees it.
 */
public final class PdfLayout {

  /** One character on a page; {@code width} is its advance. */
  public record Glyph(int page, float x, float y, String text, float width) {}

  /** One line of text on a page: its glyphs left to right and their text. */
  public record Line(int page, float y, String text, List<Glyph> glyphs) {}

  private final List<Glyph> glyphs;

  private PdfLayout(List<Glyph> glyphs) {
    this.glyphs = glyphs;
  }

  public static PdfLayout read(byte[] pdf) {
    List<Glyph> glyphs = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              for (TextPosition p : positions) {
                glyphs.add(
                    new Glyph(
                        getCurrentPageNo(),
                        p.getXDirAdj(),
                        p.getYDirAdj(),
                        p.getUnicode(),
                        p.getWidthDirAdj()));
              }
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PdfLayout(glyphs);
  }

  /** The first place {@code text} appears on one line, searching from page 1 down. */
  public Optional<Glyph> find(String text) {
    return first(glyphs, text);
  }

  /** The first place {@code text} appears on {@code page} at or below {@code fromY}. */
  public Optional<Glyph> find(int page, float fromY, String text) {
    return first(glyphs.stream().filter(g -> g.page() == page && g.y() >= fromY).toList(), text);
  }

  private static Optional<Glyph> first(List<Glyph> glyphs, String text) {
    for (List<Glyph> line : lines(glyphs)) {
      String joined = join(line);
      int at = joined.indexOf(text);
      if (at >= 0) {
        return Optional.of(line.get(at));
      }
    }
    return Optional.empty();
  }

  /** The text inside a rectangle of one page, line by line, top to bottom. */
  public List<String> region(int page, float x0, float x1, float y0, float y1) {
    List<Glyph> inside =
        glyphs.stream()
            .filter(g -> g.page() == page && g.x() >= x0 && g.x() < x1)
            .filter(g -> g.y() >= y0 && g.y() < y1)
            .toList();
    return lines(inside).stream().map(PdfLayout::join).toList();
  }

  /** Every line of the document, page by page, top to bottom. */
  public List<Line> lines() {
    return lines(glyphs).stream()
        .map(l -> new Line(l.get(0).page(), l.get(0).y(), join(l), List.copyOf(l)))
        .toList();
  }

  /** The glyphs inside a rectangle of one page. */
  public List<Glyph> glyphs(int page, float x0, float x1, float y0, float y1) {
    return glyphs.stream()
        .filter(g -> g.page() == page && g.x() >= x0 && g.x() < x1)
        .filter(g -> g.y() >= y0 && g.y() < y1)
        .toList();
  }

  /**
   * The text of a table's header row, column by column: glyphs whose boxes touch (closer than 1.5
   * pt) belong to one cell; a cell's lines are joined top to bottom.
   */
  public static List<String> columns(List<Glyph> header) {
    List<Glyph> byX = new ArrayList<>(header);
    byX.sort(Comparator.comparing(Glyph::x));
    List<List<Glyph>> cells = new ArrayList<>();
    float end = Float.NEGATIVE_INFINITY;
    for (Glyph g : byX) {
      if (g.x() > end + 1.5f) {
        cells.add(new ArrayList<>());
      }
      cells.get(cells.size() - 1).add(g);
      end = Math.max(end, g.x() + g.width());
    }
    List<String> texts = new ArrayList<>();
    for (List<Glyph> cell : cells) {
      cell.sort(Comparator.comparing((Glyph g) -> Math.round(g.y())).thenComparing(Glyph::x));
      texts.add(join(cell));
    }
    return texts;
  }

  private static List<List<Glyph>> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(
        Comparator.comparingInt(Glyph::page)
            .thenComparing(g -> Math.round(g.y()))
            .thenComparing(Glyph::x));
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> current = new ArrayList<>();
    for (Glyph g : sorted) {
      if (!current.isEmpty()) {
        Glyph last = current.get(current.size() - 1);
        if (last.page() != g.page() || Math.abs(last.y() - g.y()) > 1.5f) {
          lines.add(current);
          current = new ArrayList<>();
        }
      }
      current.add(g);
    }
    if (!current.isEmpty()) {
      lines.add(current);
    }
    return lines;
  }

  private static String join(List<Glyph> line) {
    StringBuilder b = new StringBuilder();
    line.forEach(g -> b.append(g.text()));
    return b.toString();
  }
}
