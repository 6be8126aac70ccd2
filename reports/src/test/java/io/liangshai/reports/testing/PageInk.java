package io.liangshai.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.reports.testing.PdfLayout.Glyph;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF page rendered to PNG (216 dpi, kept in a temporary file a person can open) and the check
 * that a run of full-width CJK glyphs drew real, different glyphs — not blanks, not one box each.
 */
public final class PageInk {

  private static final float SCALE = 3; // 216 dpi

  private final BufferedImage page;
  private final Path file;

  private PageInk(BufferedImage page, Path file) {
    this.page = page;
    this.file = file;
  }

  /** Renders the page (1-based) of {@code pdf} and writes it to a PNG file. */
  public static PageInk render(byte[] pdf, int pageNo, String name) throws IOException {
    BufferedImage image;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      image = new PDFRenderer(doc).renderImage(pageNo - 1, SCALE);
    }
    Path file = Files.createTempFile(name + "-", ".png");
    ImageIO.write(image, "png", file.toFile());
    return new PageInk(image, file);
  }

  public Path file() {
    return file;
  }

  /**
   * Asserts that the glyphs {@code from} to {@code to} (exclusive) of the text starting at {@code
   * at}, each a full-width cell of {@code size} points, have ink and differ from one another.
   */
  public void assertRealGlyphs(Glyph at, float size, int from, int to, String what) {
    List<boolean[]> cells = new ArrayList<>();
    for (int i = from; i < to; i++) {
      float x0 = at.x() + size * i;
      cells.add(ink(x0 * SCALE, (at.y() - size + 1) * SCALE, size * SCALE, (size + 1) * SCALE));
    }
    for (int i = 0; i < cells.size(); i++) {
      int dark = 0;
      for (boolean b : cells.get(i)) {
        dark += b ? 1 : 0;
      }
      assertThat(dark)
          .as("glyph %d of %s has ink (%s)", i, what, file)
          .isBetween(cells.get(i).length / 20, cells.get(i).length / 2);
      for (int j = 0; j < i; j++) {
        assertThat(cells.get(i))
            .as(
                "glyphs %d and %d of %s differ (a missing glyph draws one box) (%s)",
                j, i, what, file)
            .isNotEqualTo(cells.get(j));
      }
    }
  }

  /** Which pixels of a rectangle of the rendered page are dark. */
  private boolean[] ink(float x, float y, float w, float h) {
    int x0 = Math.round(x);
    int y0 = Math.round(y);
    int width = Math.round(w);
    int height = Math.round(h);
    boolean[] dark = new boolean[width * height];
    for (int dy = 0; dy < height; dy++) {
      for (int dx = 0; dx < width; dx++) {
        int rgb = page.getRGB(x0 + dx, y0 + dy);
        int luminance = ((rgb >> 16 & 0xff) * 3 + (rgb >> 8 & 0xff) * 6 + (rgb & 0xff)) / 10;
        dark[dy * width + dx] = luminance < 128;
      }
    }
    return dark;
  }
}
