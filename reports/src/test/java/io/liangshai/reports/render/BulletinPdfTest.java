package io.liangshai.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.CommonProblem;
import io.liangshai.reports.snapshot.Edition;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.OpenCases;
import io.liangshai.reports.snapshot.SnapshotBuilder;
import io.liangshai.reports.snapshot.Wording;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.SampleFigures;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample feed's bulletins rendered without ClickHouse (figures from core's reference
 * calculator), written to {@code target/bulletin-sample-*.pdf} for a look: the February one shows
 * rank changes against January.
 */
class BulletinPdfTest {

  static BulletinSnapshot sample(String period, int issueNo, String publishedAt) throws Exception {
    return new SnapshotBuilder(TenantRegistryLoader.loadDefault(), new SampleFigures())
        .build(
            new Edition(
                String.format("monthly-%04d", issueNo),
                "monthly",
                issueNo,
                Period.parse(period),
                Wording.STANDARD_GROUPS,
                Scheme.standard(),
                null,
                Instant.parse(publishedAt),
                "scheduler"));
  }

  /** {@code s} with these groups, common problems and open cases, the rest as it is. */
  static BulletinSnapshot with(
      BulletinSnapshot s,
      List<GroupTable> groups,
      List<CommonProblem> commonProblems,
      OpenCases openCases) {
    return new BulletinSnapshot(
        s.format(),
        s.id(),
        s.series(),
        s.issueNo(),
        s.period(),
        s.previousPeriod(),
        s.province(),
        s.provinceName(),
        s.title(),
        s.publishedAt(),
        s.publishedBy(),
        s.scheme(),
        s.corrects(),
        s.provinceFigures(),
        groups,
        s.anomalies(),
        s.methodology(),
        s.targets(),
        commonProblems,
        openCases);
  }

  @Test
  void rendersTheSampleBulletins() throws Exception {
    byte[] january = render(sample("2024-01", 1, "2024-02-06T01:00:00Z"), "2024-01");
    byte[] february = render(sample("2024-02", 2, "2024-03-07T01:00:00Z"), "2024-02");

    PdfText jan = PdfText.read(january);
    assertThat(jan.text()).contains("浙江省涉企问题高效闭环解决机制晾晒通报", "2024年1月　第1期", "第1名");
    assertThat(jan.pages()).isBetween(5, 15);
    PdfText feb = PdfText.read(february);
    assertThat(feb.text()).contains("2024年2月　第2期", "2024年3月7日", "与上期（2024年1月）");
    assertThat(feb.text()).containsPattern("↑\\d+").containsPattern("↓\\d+");
    for (PdfText pdf : new PdfText[] {jan, feb}) {
      assertThat(pdf.fonts())
          .allSatisfy(f -> assertThat(f.encoding()).isEqualTo("Identity-H"))
          .allSatisfy(f -> assertThat(f.embedded()).isTrue());
      assertThat(pdf.text()).contains("本通报发布后内容不再改变"); // the last line of the footnote
    }
    assertThat(january.length).as("fonts are subset into the PDF").isLessThan(600_000);
  }

  private static byte[] render(BulletinSnapshot snapshot, String name) throws Exception {
    byte[] pdf = BulletinPdf.render(snapshot);
    Path out = Path.of("target", "bulletin-sample-" + name + ".pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    return pdf;
  }
}
