package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReferenceEvaluator;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.testing.CustomIndicators;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.snapshot.TargetShortfall;
import io.liangshai.reports.testing.PageInk;
import io.liangshai.reports.testing.PdfLayout;
import io.liangshai.reports.testing.PdfLayout.Glyph;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.Published;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.tenants.Tenant;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulletin under an 8+X scheme (the built-in 办结率 and a defined {@code case_ratio} with its own
 * target) published over a real ClickHouse holding the sample feed's counts and case facts: it
 * publishes, its methodology names the defined indicator, and its 目标达成 section lists exactly the
 * members below each target, as core's reference evaluator computes them here from the records; the
 * section's heading is rendered to PNG and its CJK glyphs are real glyphs, not blanks or boxes.
 */
class BulletinTargetsITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final String CODE = "policy_closed";
  private static final Period PERIOD = Period.parse("2024-01");

  private static IndicatorDefinition custom;
  private static List<CaseRecord> records;
  private static Published published;

  @BeforeAll
  static void publishUnderAnEightXScheme() throws Exception {
    records = Publishing.loadSampleMonth(SAMPLE.warehouse(), PERIOD);
    custom = CustomIndicators.resolutionOf(CODE, "政策类问题办结率", 0.8, "policy");
    List<IndicatorDefinition> inForce = new ArrayList<>(BuiltInIndicators.all());
    inForce.add(custom);
    Scheme eightX =
        Scheme.builder()
            .id("eight_x")
            .version(1)
            .name("8+X 评价方案")
            .indicator(new SchemeIndicator(CODE, 1, Direction.HIGHER_BETTER, null))
            .indicator(
                new SchemeIndicator(
                    Indicator.RESOLUTION_RATE.wireName(), 1, Direction.HIGHER_BETTER, null))
            .build();
    published =
        Publishing.publishCountiesUnder(
            SAMPLE.warehouse(), METADATA.dataSource(), eightX, inForce, PERIOD);
    assertThat(published.bulletin().scheme()).isEqualTo("eight_x@1");
  }

  @Test
  void listsExactlyTheCountiesBelowEachTargetAsTheReferenceComputesThem() {
    Map<String, Map<String, IndicatorValue>> reference =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(
                records.stream(),
                List.of(custom, BuiltInIndicators.byCode("resolution_rate").orElseThrow()),
                List.of(PeriodKind.MONTH))
            .get(PERIOD);
    List<String> counties =
        Publishing.REGISTRY.members("counties").stream().map(Tenant::code).toList();
    assertThat(published.snapshot().targets())
        .extracting(TargetShortfall::indicator)
        .containsExactly(CODE, "resolution_rate");
    String text = PdfText.read(published.pdf()).text().replace("\n", "");
    String section = text.substring(text.indexOf("五、目标达成"), text.indexOf("、说明"));
    for (TargetShortfall line : published.snapshot().targets()) {
      BigDecimal target =
          line.indicator().equals(CODE) ? new BigDecimal("0.8") : new BigDecimal("0.9");
      assertThat(line.target()).isEqualByComparingTo(target);
      Set<String> below = new HashSet<>();
      int judged = 0;
      for (String county : counties) {
        IndicatorValue v =
            reference
                .getOrDefault(county, Map.of())
                .getOrDefault(line.indicator(), IndicatorValue.NONE);
        if (v.value() == null) {
          continue;
        }
        judged++;
        // n/d < target, compared exactly in integers
        if (BigDecimal.valueOf(v.numerator())
                .compareTo(target.multiply(BigDecimal.valueOf(v.denominator())))
            < 0) {
          below.add(county);
        }
      }
      assertThat(line.judged()).as(line.indicator()).isEqualTo(judged);
      assertThat(line.below())
          .extracting(TargetShortfall.Below::tenant)
          .as(line.indicator())
          .containsExactlyInAnyOrderElementsOf(below);
      assertThat(below)
          .as("the sample has counties below the %s target", line.indicator())
          .isNotEmpty();
      List<BigDecimal> values = line.below().stream().map(TargetShortfall.Below::value).toList();
      assertThat(values).as("worst first").isSortedAccordingTo(BigDecimal::compareTo);
      assertThat(section).contains(line.name() + "（目标≥");
      for (TargetShortfall.Below b : line.below()) {
        assertThat(section).as(line.indicator()).contains(b.name() + "（");
      }
      assertThat(section).contains(judged + "个有数据的地区中" + below.size() + "个未达标");
    }
    assertThat(String.join("", published.snapshot().methodology()))
        .contains("“8+X 评价方案”（eight_x@1）")
        .contains("政策类问题办结率权重50%");
  }

  @Test
  void theWorkbookListsTheSameMembersBelowTarget() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(published.xlsx()))) {
      Sheet sheet = book.getSheet("目标达成");
      assertThat(sheet).isNotNull();
      for (TargetShortfall line : published.snapshot().targets()) {
        List<String> listed = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
          Row row = sheet.getRow(i);
          if (row.getCell(1).getStringCellValue().equals(line.indicator())) {
            listed.add(row.getCell(7).getStringCellValue());
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(line.target().doubleValue());
          }
        }
        assertThat(listed)
            .as(line.indicator())
            .containsExactlyElementsOf(
                line.below().stream().map(TargetShortfall.Below::tenant).toList());
      }
    }
  }

  @Test
  void rendersTheSectionHeadingWithRealCjkGlyphs() throws Exception {
    Glyph heading = PdfLayout.read(published.pdf()).find("五、目标达成").orElseThrow();
    // the h1 style is 12 pt; its glyphs are full-width: one 12 pt cell each, 五 、 目 标 达 成
    PageInk.render(published.pdf(), heading.page(), "bulletin-targets")
        .assertRealGlyphs(heading, 12, 2, 6, "目标达成");
  }
}
