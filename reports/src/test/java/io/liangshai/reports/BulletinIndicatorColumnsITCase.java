package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.evaluation.IndicatorValue;
import io.liangshai.core.evaluation.ReferenceEvaluator;
import io.liangshai.core.evaluation.ReportedRow;
import io.liangshai.core.evaluation.ReportedValue;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.snapshot.GroupTable;
import io.liangshai.reports.snapshot.IndicatorColumn;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.testing.PageInk;
import io.liangshai.reports.testing.PdfLayout;
import io.liangshai.reports.testing.PdfLayout.Glyph;
import io.liangshai.reports.testing.PdfLayout.Line;
import io.liangshai.reports.testing.Published;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.IndicatorValuesTable;
import io.liangshai.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulletin whose 8+X scheme weights, beside the built-in 办结率, a defined {@code case_ratio}, a
 * defined {@code case_mean_days} and a {@code reported} bare value, published over a real
 * ClickHouse holding the sample feed's January facts and uploaded values for two thirds of the
 * counties: the counties' league table in the PDF has a column per defined indicator, headed by its
 * Chinese name (wrapped, never clipped), and every member's line reads the value core's reference
 * evaluator computes from the records (or the value uploaded, or — without one) as the page formats
 * it; the workbook's sheet has the same columns with the numbers.
 */
class BulletinIndicatorColumnsITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final Period PERIOD = Period.parse("2024-01");
  private static final String RATIO = "policy_closed";
  private static final String DAYS = "handling_days";
  private static final String REPORTED = "enterprise_score";
  private static final List<String> NAMES = List.of("政策类问题办结率", "平均办理时长", "万家民企评部门得分");

  private static final List<String> COUNTIES =
      Publishing.REGISTRY.members("counties").stream().map(Tenant::code).toList();

  private static List<IndicatorDefinition> defined;
  private static List<CaseRecord> records;
  private static final Map<String, String> UPLOADED = new LinkedHashMap<>();
  private static Published published;

  @BeforeAll
  static void publishUnderASchemeOfDefinedIndicators() throws Exception {
    Warehouse warehouse = SAMPLE.warehouse();
    records = Publishing.loadSampleMonth(warehouse, PERIOD);
    defined =
        List.of(
            define(
                Map.of(
                    "code",
                    RATIO,
                    "name",
                    NAMES.get(0),
                    "kind",
                    "case_ratio",
                    "direction",
                    "higher_better",
                    "denominator",
                    Map.of("category", List.of("policy")),
                    "numerator",
                    Map.of("closed", true))),
            define(
                Map.of(
                    "code",
                    DAYS,
                    "name",
                    NAMES.get(1),
                    "kind",
                    "case_mean_days",
                    "direction",
                    "lower_better",
                    "filter",
                    Map.of())),
            define(
                Map.of(
                    "code",
                    REPORTED,
                    "name",
                    NAMES.get(2),
                    "kind",
                    "reported",
                    "direction",
                    "higher_better")));
    List<ReportedRow> uploads = new ArrayList<>();
    for (int i = 0; i < COUNTIES.size(); i++) {
      if (i % 3 != 0) {
        // two decimals (the last never 0) or none: each shown as written
        String value = (60 + (i * 7) % 40) + (i % 3 == 1 ? "." + (i % 9 + 1) + "5" : "");
        UPLOADED.put(COUNTIES.get(i), value);
        uploads.add(
            new ReportedRow(
                REPORTED, COUNTIES.get(i), PERIOD, ReportedValue.bare(new BigDecimal(value))));
      }
    }
    new IndicatorValuesTable(warehouse)
        .insert(uploads, "upload-1", Instant.parse("2024-02-01T02:00:00Z"), 1);
    List<IndicatorDefinition> inForce = new ArrayList<>(BuiltInIndicators.all());
    inForce.addAll(defined);
    Scheme.Builder scheme = Scheme.builder().id("eight_x").version(1).name("8+X 评价方案");
    scheme.indicator(
        new SchemeIndicator(
            Indicator.RESOLUTION_RATE.wireName(), 1, Direction.HIGHER_BETTER, null));
    defined.forEach(d -> scheme.indicator(new SchemeIndicator(d.code(), 1, d.direction(), null)));
    Scheme eightX = scheme.build();
    published =
        Publishing.publishCountiesUnder(warehouse, METADATA.dataSource(), eightX, inForce, PERIOD);
  }

  @Test
  void theSnapshotNamesTheDefinedColumnsInSchemeOrder() {
    GroupTable counties = published.snapshot().groups().get(0);
    assertThat(counties.columns())
        .containsExactly(
            new IndicatorColumn(RATIO, NAMES.get(0), "case_ratio"),
            new IndicatorColumn(DAYS, NAMES.get(1), "case_mean_days"),
            new IndicatorColumn(REPORTED, NAMES.get(2), "reported"));
  }

  @Test
  void theTableIsHeadedByEveryColumnWithTheNamesWhole() throws Exception {
    PdfLayout layout = PdfLayout.read(published.pdf());
    Glyph heading = layout.find("（一）县（市、区）").orElseThrow();
    Glyph rank =
        layout.find(heading.page(), heading.y() + 1, "排名").orElseThrow(AssertionError::new);
    Glyph note = layout.find(heading.page(), heading.y() + 1, "个参与排名").orElseThrow();
    Line first = tableLines(layout).get(0);
    List<String> columns =
        PdfLayout.columns(layout.glyphs(rank.page(), 0, 1000, note.y() + 2, first.y() - 4));
    List<String> expected =
        new ArrayList<>(List.of("排名", "变化", "地区", "受理量", "得分", "办结率", "超时办结率", "重发复发率", "满意率"));
    expected.addAll(NAMES);
    expected.add("信号");
    assertThat(columns).containsExactlyElementsOf(expected);
    Glyph policy = layout.find(rank.page(), note.y() + 2, "政策").orElseThrow();
    PageInk ink = PageInk.render(published.pdf(), rank.page(), "bulletin-indicator-columns");
    ink.assertRealGlyphs(rank, 7, 0, 2, "排名");
    ink.assertRealGlyphs(policy, 7, 0, 2, "政策");
  }

  @Test
  void everyMemberReadsTheReferenceValueOfEachDefinedIndicator() {
    Map<String, Map<String, IndicatorValue>> reference =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(records.stream(), defined, List.of(PeriodKind.MONTH))
            .get(PERIOD);
    List<Line> lines = tableLines(PdfLayout.read(published.pdf()));
    Set<String> seen = new HashSet<>();
    int withUpload = 0;
    int withoutRatio = 0;
    for (TableRow row : published.snapshot().groups().get(0).rows()) {
      Map<String, IndicatorValue> values = reference.getOrDefault(row.tenant(), Map.of());
      String ratio = ratio(values.getOrDefault(RATIO, IndicatorValue.NONE));
      IndicatorValue days = values.getOrDefault(DAYS, IndicatorValue.NONE);
      String reported = UPLOADED.getOrDefault(row.tenant(), "—");
      String expected =
          row.name()
              + row.figures().received()
              + (row.score() == null ? "—" : row.score().setScale(2, RoundingMode.HALF_UP))
              + rate(row.figures().resolutionRate())
              + rate(row.figures().overdueRate())
              + rate(row.figures().recurrenceRate())
              + rate(row.figures().satisfactionRate())
              + ratio
              + (days.decimal() == null
                  ? "—"
                  : days.decimal().setScale(2, RoundingMode.HALF_UP).toPlainString() + "天")
              + reported;
      List<Line> matching = lines.stream().filter(l -> l.text().contains(expected)).toList();
      assertThat(matching).as("the line of %s: %s", row.tenant(), expected).hasSize(1);
      seen.add(row.tenant());
      withUpload += reported.equals("—") ? 0 : 1;
      withoutRatio += ratio.equals("—") ? 1 : 0;
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(COUNTIES);
    assertThat(withUpload).isEqualTo(UPLOADED.size());
    assertThat(COUNTIES.size() - withoutRatio).as("counties with policy cases").isGreaterThan(10);
  }

  @Test
  void theWorkbookHasTheSameColumnsWithTheNumbers() throws Exception {
    Map<String, Map<String, IndicatorValue>> reference =
        new ReferenceEvaluator(new ReferenceCalculator(ZhejiangTenants.hierarchy()))
            .compute(records.stream(), defined, List.of(PeriodKind.MONTH))
            .get(PERIOD);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(published.xlsx()))) {
      Sheet sheet = book.getSheet("县（市、区）");
      Row header = sheet.getRow(0);
      for (int i = 0; i < NAMES.size(); i++) {
        assertThat(header.getCell(17 + i).getStringCellValue()).isEqualTo(NAMES.get(i));
      }
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        String tenant = row.getCell(3).getStringCellValue();
        Map<String, IndicatorValue> values = reference.getOrDefault(tenant, Map.of());
        IndicatorValue ratio = values.getOrDefault(RATIO, IndicatorValue.NONE);
        IndicatorValue days = values.getOrDefault(DAYS, IndicatorValue.NONE);
        assertCell(row, 17, ratio.value() == null ? null : ratio.value().doubleValue(), "0.0%");
        assertCell(row, 18, days.decimal() == null ? null : days.decimal().doubleValue(), "0.00");
        String uploaded = UPLOADED.get(tenant);
        assertCell(row, 19, uploaded == null ? null : Double.parseDouble(uploaded), "General");
      }
    }
  }

  private static void assertCell(Row row, int column, Double expected, String format) {
    if (expected == null) {
      assertThat(row.getCell(column)).as("row %d column %d", row.getRowNum(), column).isNull();
      return;
    }
    assertThat(row.getCell(column).getNumericCellValue()).isEqualTo(expected);
    assertThat(row.getCell(column).getCellStyle().getDataFormatString()).isEqualTo(format);
  }

  /** The lines of section 二's tables: from the first member's line to the heading of 三. */
  private static List<Line> tableLines(PdfLayout layout) {
    List<Line> all = layout.lines();
    int from = indexOf(all, "二、分组晾晒排名");
    int to = indexOf(all, "三、红榜与黑榜");
    List<Line> table = new ArrayList<>();
    for (Line l : all.subList(from, to)) {
      if (l.text().matches("^(\\d+|—).*") && !l.text().startsWith("二")) {
        table.add(l);
      }
    }
    return table;
  }

  private static int indexOf(List<Line> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not in the PDF");
  }

  private static String ratio(IndicatorValue v) {
    return v.value() == null
        ? "—"
        : String.format(Locale.ROOT, "%.1f%%", (double) v.numerator() / v.denominator() * 100);
  }

  private static String rate(Double rate) {
    return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static IndicatorDefinition define(Map<String, Object> json) {
    IndicatorDefinitionParser.Result parsed = IndicatorDefinitionParser.parse(json);
    assertThat(parsed.errors()).as(json.toString()).isEmpty();
    return parsed.definition();
  }
}
