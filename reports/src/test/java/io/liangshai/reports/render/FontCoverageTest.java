package io.liangshai.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.problems.PlantedProblems;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.CommonProblem;
import io.liangshai.reports.testing.PdfText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulletin font (Noto Sans CJK SC subset to GB 2312 and more) against the 举一反三 key words: the
 * words of common problems draw, and a rarer character found in a description (堃, outside GB 2312;
 * 𠀀, outside the BMP) is printed as 〓 in the PDF while the snapshot keeps it.
 */
class FontCoverageTest {

  @Test
  void drawsEveryKeyWordOfThePlantedProblems() {
    for (PlantedProblems.Problem p : PlantedProblems.PROBLEMS) {
      for (String word : p.keywords()) {
        assertThat(FontCoverage.printable(word)).as(p.name()).isEqualTo(word);
      }
    }
    assertThat(FontCoverage.canDisplay(FontCoverage.MISSING.codePointAt(0))).isTrue();
  }

  @Test
  void marksWhatTheSubsetLacks() {
    assertThat(FontCoverage.canDisplay("堃".codePointAt(0))).isFalse();
    assertThat(FontCoverage.printable("堃业、𠀀地、用地")).isEqualTo("〓业、〓地、用地");
  }

  @Test
  void thePdfPrintsTheMarkWhereTheFontHasNoGlyph() throws Exception {
    BulletinSnapshot s = BulletinPdfTest.sample("2024-01", 1, "2024-02-06T01:00:00Z");
    BulletinSnapshot withProblems =
        BulletinPdfTest.with(
            s,
            s.groups(),
            List.of(
                new CommonProblem(
                    "0123456789abcdef", "堃业、用地、指标", 12, List.of("330102"), List.of("project"), 3)),
            null);
    String text = PdfText.read(BulletinPdf.render(withProblems)).text();
    assertThat(text).contains("六、举一反三·共性问题", "〓业、用地、指标", "七、说明").doesNotContain("堃");
    assertThat(text).doesNotContain("预警情况");
  }
}
