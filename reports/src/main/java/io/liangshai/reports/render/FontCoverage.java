package io.liangshai.reports.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the bulletin font can draw. The PDF embeds Noto Sans CJK SC subset to GB 2312 and more
 * ({@code reports/tools/subset-font.sh}); text from case descriptions (the 举一反三 key words) may hold
 * a rarer character, which the PDF would draw as an empty box. {@link #printable} puts the geta
 * mark 〓 (the printer's sign for a character without a type) in its place; the snapshot and the
 * XLSX keep the text as found.
 */
final class FontCoverage {

  /** The mark drawn for a character the font lacks (U+3013, in the subset). */
  static final String MISSING = "〓";

  private static final List<Font> FACES =
      List.of(
          load("/fonts/NotoSansCJKsc-Regular-subset.otf"),
          load("/fonts/NotoSansCJKsc-Bold-subset.otf"));

  private FontCoverage() {}

  /** Whether both faces have a glyph for {@code codePoint}. */
  static boolean canDisplay(int codePoint) {
    return FACES.stream().allMatch(f -> f.canDisplay(codePoint));
  }

  /** {@code text} with every character the font cannot draw replaced by {@link #MISSING}. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> out.append(canDisplay(c) ? new String(Character.toChars(c)) : MISSING));
    return out.toString();
  }

  private static Font load(String resource) {
    try (InputStream in = FontCoverage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing font " + resource);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + resource + " does not load", e);
    }
  }
}
