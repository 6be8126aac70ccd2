package io.liangshai.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a PDF says, read with PDFBox: its text in reading order, its pages and its fonts. */
public final class PdfText {

  /** One font of a page: base name, subtype, encoding (for Type 0), whether it is embedded. */
  public record FontInfo(String name, String subtype, String encoding, boolean embedded) {}

  private final String text;
  private final int pages;
  private final List<FontInfo> fonts;

  private PdfText(String text, int pages, List<FontInfo> fonts) {
    this.text = text;
    this.pages = pages;
    this.fonts = fonts;
  }

  public static PdfText read(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      List<FontInfo> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          String encoding =
              font instanceof PDType0Font
                  ? font.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.ENCODING)
                  : null;
          FontInfo info =
              new FontInfo(font.getName(), font.getSubType(), encoding, font.isEmbedded());
          if (!fonts.contains(info)) {
            fonts.add(info);
          }
        }
      }
      return new PdfText(stripper.getText(doc), doc.getNumberOfPages(), fonts);
    } catch (IOException e) {
      throw new UncheckedIOException("not a readable PDF", e);
    }
  }

  public String text() {
    return text;
  }

  public List<String> lines() {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  public int pages() {
    return pages;
  }

  public List<FontInfo> fonts() {
    return fonts;
  }
}
