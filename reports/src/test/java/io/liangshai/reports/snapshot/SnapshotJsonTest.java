package io.liangshai.reports.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.reports.testing.SampleFigures;
import io.liangshai.tenants.TenantRegistryLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  @Test
  void aSnapshotReadsBackEqualAndWritesTheSameBytes() throws Exception {
    BulletinSnapshot snapshot =
        new SnapshotBuilder(TenantRegistryLoader.loadDefault(), new SampleFigures())
            .build(
                new Edition(
                    "monthly-0007",
                    "monthly",
                    7,
                    Period.parse("2024-02"),
                    Wording.STANDARD_GROUPS,
                    Scheme.standard(),
                    new BulletinSnapshot.Correction("monthly-0006", 6),
                    Instant.parse("2024-03-07T01:00:00Z"),
                    "330000/admin"));
    byte[] json = SnapshotJson.write(snapshot);

    BulletinSnapshot back = SnapshotJson.read(json);

    assertThat(back).isEqualTo(snapshot);
    assertThat(SnapshotJson.write(back)).isEqualTo(json);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "\"issue_no\":7",
            "\"previous_period\":\"2024-01\"",
            "\"corrects\":{\"id\":\"monthly-0006\"")
        .doesNotContain("enterprise", "description");
  }

  @Test
  void wordsPeriodsAndGroupsInChinese() {
    assertThat(Wording.period(Period.parse("2024-01"))).isEqualTo("2024年1月");
    assertThat(Wording.period(Period.parse("2024-Q3"))).isEqualTo("2024年第三季度");
    assertThat(Wording.period(Period.parse("2024"))).isEqualTo("2024年");
    assertThat(Wording.period(Period.parse("2024-W09"))).isEqualTo("2024年第9周");
    assertThat(Wording.group("mountain26")).isEqualTo("山区26县");
    assertThat(Wording.group("lakeside")).isEqualTo("lakeside");
    assertThat(Wording.title("浙江省")).isEqualTo("浙江省涉企问题高效闭环解决机制晾晒通报");
  }
}
