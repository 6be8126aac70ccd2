package io.liangshai.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.Edition;
import io.liangshai.reports.snapshot.SnapshotBuilder;
import io.liangshai.reports.snapshot.Wording;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.SampleFigures;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BulletinPdfTest {

  static BulletinSnapshot sample() throws Exception {
    return new SnapshotBuilder(TenantRegistryLoader.loadDefault(), new SampleFigures())
        .build(
            new Edition(
                "monthly-0001",
                "monthly",
                1,
                Period.parse("2024-01"),
                Wording.STANDARD_GROUPS,
                Scheme.standard(),
                null,
                Instant.parse("2024-02-06T01:00:00Z"),
                "scheduler"));
  }

  @Test
  void rendersTheSampleBulletin() throws Exception {
    byte[] pdf = BulletinPdf.render(sample());
    Path out = Path.of("target", "bulletin-sample.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    PdfText text = PdfText.read(pdf);
    assertThat(text.text()).contains("浙江省涉企问题高效闭环解决机制晾晒通报");
    assertThat(text.fonts()).isNotEmpty();
  }
}
