package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.indicator.LatestCase;
import io.liangshai.core.indicator.ReferenceCalculator;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.testing.CaseRecordFixture;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.DeadlineState;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.problems.Grouping;
import io.liangshai.problems.PlantedProblems;
import io.liangshai.problems.ProblemCase;
import io.liangshai.problems.ProblemGroup;
import io.liangshai.problems.ProblemGrouper;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.BulletinSources;
import io.liangshai.reports.snapshot.CommonProblem;
import io.liangshai.reports.snapshot.Edition;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.reports.snapshot.OpenCases;
import io.liangshai.reports.snapshot.SnapshotBuilder;
import io.liangshai.reports.snapshot.SnapshotJson;
import io.liangshai.reports.testing.PageInk;
import io.liangshai.reports.testing.PdfLayout;
import io.liangshai.reports.testing.PdfLayout.Glyph;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.Published;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.CommonProblemQueries;
import io.liangshai.warehouse.figures.CommonProblems;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.liangshai.warehouse.figures.WarningQueries;
import io.liangshai.warehouse.testing.SampleFacts;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The February 2024 bulletin over a real ClickHouse holding the sample feed's case facts, each case
 * described as a planted common problem in varied wording or as a one-off, published with the
 * common problems (the grouping {@code GET /api/v1/common-problems} serves) and the open cases: its
 * 举一反三 section is exactly the grouping of the records' descriptions computed here, its 预警 section
 * exactly the open cases per deadline state counted here from the records; the PDF names no
 * enterprise and quotes no description; both sections are frozen — the stored bulletin is unchanged
 * after every case is withdrawn, while a new snapshot of the same data would differ.
 */
class BulletinSectionsITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final Period PERIOD = Period.parse("2024-02");

  /** 26 February 2024, 09:00 in Zhejiang: February's late cases are still open, some due soon. */
  private static final Instant PUBLISHED = Instant.parse("2024-02-26T01:00:00Z");

  private static final Clock CLOCK = Clock.fixed(PUBLISHED, ZoneOffset.UTC);

  private static List<LatestCase> latest;
  private static BulletinSources sources;
  private static BulletinStore store;
  private static Bulletin bulletin;
  private static Published published;

  @BeforeAll
  static void publishWithBothSections() throws Exception {
    Warehouse warehouse = SAMPLE.warehouse();
    List<CaseRecord> records = described(SampleFeed.validRecords());
    SampleFacts.load(warehouse, records, 1);
    latest = new ReferenceCalculator(ZhejiangTenants.hierarchy()).latestCases(records.stream());
    sources =
        BulletinSources.NONE
            .withProblems(
                new CommonProblems(new CommonProblemQueries(warehouse), new ProblemGrouper()))
            .withOpenCases(
                new WarningQueries(warehouse), new DeadlineClock(WorkingDayCalendar.china()));
    store = new BulletinStore(warehouse);
    MetricsQueries metrics = new MetricsQueries(warehouse);
    BulletinPublisher publisher =
        Publishing.publisher(
            warehouse,
            METADATA.dataSource(),
            CLOCK,
            FiguresSource.of(new LeagueTables(metrics, CLOCK), metrics),
            SchemeResolver.builtIn(),
            sources);
    bulletin =
        publisher.publish(
            new PublishRequest(PERIOD.toString(), null, null, null, "330000", "admin"));
    published = Published.read(store, bulletin);
  }

  @Test
  void listsTheLargestCommonProblemsAsTheGroupingOfTheRecordsGivesThem() {
    Grouping grouping = new ProblemGrouper().group(cases(PERIOD));
    Map<String, Integer> previous = grouping.place(cases(PERIOD.previous()));
    List<ProblemGroup> top =
        grouping.groups().stream()
            .sorted(
                Comparator.comparingInt((ProblemGroup g) -> -g.cases().size())
                    .thenComparing(ProblemGroup::id))
            .limit(10)
            .toList();
    assertThat(top).as("the planted problems make groups").hasSizeGreaterThanOrEqualTo(5);
    assertThat(published.snapshot().commonProblems()).hasSameSizeAs(top);
    for (int i = 0; i < top.size(); i++) {
      ProblemGroup g = top.get(i);
      CommonProblem line = published.snapshot().commonProblems().get(i);
      assertThat(line.id()).isEqualTo(g.id());
      assertThat(line.label()).isEqualTo(String.join("、", g.keywords()));
      assertThat(line.cases()).isEqualTo(g.cases().size());
      assertThat(line.tenants()).containsExactlyElementsOf(new TreeSet<>(g.tenants()));
      assertThat(line.categories()).containsExactlyElementsOf(g.categories());
      assertThat(line.previous()).isEqualTo(previous.get(g.id()));
    }
    assertThat(published.snapshot().commonProblems())
        .as("January had the same problems")
        .anyMatch(c -> c.previous() > 0);
    String text = PdfText.read(published.pdf()).text().replace("\n", "");
    String section = text.substring(text.indexOf("、举一反三·共性问题"), text.indexOf("、说明"));
    for (CommonProblem c : published.snapshot().commonProblems()) {
      for (String word : c.label().split("、")) {
        assertThat(section).as(c.label()).contains(word);
      }
    }
  }

  @Test
  void quotesNoDescriptionAndNamesNoEnterprise() {
    String text = PdfText.read(published.pdf()).text().replace("\n", "");
    int checked = 0;
    for (LatestCase c : latest) {
      CaseRecord r = c.record();
      if (r.description() != null) {
        assertThat(text).doesNotContain(r.description());
        checked++;
      }
      if (r.enterpriseName() != null) {
        assertThat(text).doesNotContain(r.enterpriseName());
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void countsTheOpenCasesPerStateAsTheRecordsGiveThem() {
    DeadlineClock deadlines = new DeadlineClock(WorkingDayCalendar.china());
    Map<String, long[]> own = new HashMap<>();
    for (LatestCase c : latest) {
      CaseStatus status = c.record().status();
      if (status == CaseStatus.CLOSED || status == CaseStatus.WITHDRAWN) {
        continue;
      }
      DeadlineState state = deadlines.state(PUBLISHED, c.facts().deadline(), 3);
      own.computeIfAbsent(c.record().tenantCode(), k -> new long[3])[state.ordinal()]++;
    }
    OpenCases open = published.snapshot().openCases();
    assertThat(open.asOf()).isEqualTo(PUBLISHED.toString());
    long[] total = new long[3];
    for (Tenant county : Publishing.REGISTRY.atLevel(TenantLevel.COUNTY)) {
      long[] expected = own.getOrDefault(county.code(), new long[3]);
      List<OpenCases.Row> rows =
          open.counties().stream().filter(r -> r.tenant().equals(county.code())).toList();
      if (expected[0] + expected[1] + expected[2] == 0) {
        assertThat(rows).as(county.code()).isEmpty();
        continue;
      }
      assertThat(rows).as(county.code()).hasSize(1);
      assertThat(counts(rows.get(0))).as(county.code()).containsExactly(expected);
    }
    assertThat(open.cities()).hasSize(11);
    for (OpenCases.Row city : open.cities()) {
      long[] expected = new long[3];
      for (Tenant t : Publishing.REGISTRY.selfAndDescendants(city.tenant())) {
        long[] c = own.getOrDefault(t.code(), new long[3]);
        for (int i = 0; i < 3; i++) {
          expected[i] += c[i];
          total[i] += c[i];
        }
      }
      assertThat(counts(city)).as(city.tenant()).containsExactly(expected);
    }
    assertThat(total).as("the sample has open cases in every state").doesNotContain(0L);
    Comparator<OpenCases.Row> worst =
        Comparator.comparingLong((OpenCases.Row r) -> -r.overdue())
            .thenComparingLong(r -> -r.dueSoon());
    assertThat(open.cities()).isSortedAccordingTo(worst);
    assertThat(open.counties()).isSortedAccordingTo(worst);
    String text = PdfText.read(published.pdf()).text().replace("\n", "");
    assertThat(text)
        .contains(
            "全省未办结涉企问题"
                + (total[0] + total[1] + total[2])
                + "件，其中已超期"
                + total[0]
                + "件，即将到期"
                + total[1]
                + "件");
  }

  @Test
  void theWorkbookHasBothSectionsAsTheSnapshot() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(published.xlsx()))) {
      Sheet problems = book.getSheet("举一反三");
      assertThat(problems.getLastRowNum()).isEqualTo(published.snapshot().commonProblems().size());
      for (int i = 0; i < published.snapshot().commonProblems().size(); i++) {
        Row row = problems.getRow(i + 1);
        CommonProblem c = published.snapshot().commonProblems().get(i);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(c.label());
        assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(c.cases());
        assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(c.change());
      }
      Sheet open = book.getSheet("预警");
      OpenCases o = published.snapshot().openCases();
      assertThat(open.getLastRowNum()).isEqualTo(o.cities().size() + o.counties().size());
      Row first = open.getRow(1);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo(o.cities().get(0).tenant());
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(o.cities().get(0).overdue());
    }
  }

  @Test
  void bothSectionsStayAsPublishedWhenTheCasesChange() throws Exception {
    List<CaseRecord> withdrawn = new ArrayList<>();
    for (LatestCase c : latest) {
      CaseRecord r = c.record();
      withdrawn.add(withStatus(r, CaseStatus.WITHDRAWN, r.description()));
    }
    SampleFacts.load(SAMPLE.warehouse(), withdrawn, 2);
    MetricsQueries metrics = new MetricsQueries(SAMPLE.warehouse());
    BulletinSnapshot now =
        new SnapshotBuilder(
                Publishing.REGISTRY,
                FiguresSource.of(new LeagueTables(metrics, CLOCK), metrics),
                sources)
            .build(
                new Edition(
                    "preview",
                    "monthly",
                    9,
                    PERIOD,
                    List.of("cities"),
                    io.liangshai.core.ranking.Scheme.standard(),
                    null,
                    PUBLISHED,
                    "test"));
    assertThat(now.commonProblems()).isEmpty();
    assertThat(now.openCases().counties()).isEmpty();
    assertThat(SnapshotJson.read(store.snapshot(bulletin).orElseThrow()))
        .isEqualTo(published.snapshot());
    assertThat(BulletinStore.sha256(store.file(bulletin, BulletinFormat.PDF).orElseThrow()))
        .isEqualTo(bulletin.pdfSha256());
  }

  @Test
  void rendersBothHeadingsWithRealCjkGlyphs() throws Exception {
    PdfLayout layout = PdfLayout.read(published.pdf());
    Glyph open = layout.find("六、预警情况").orElseThrow();
    PageInk.render(published.pdf(), open.page(), "bulletin-open-cases")
        .assertRealGlyphs(open, 12, 2, 6, "预警情况");
    Glyph problems = layout.find("七、举一反三·共性问题").orElseThrow();
    PageInk.render(published.pdf(), problems.page(), "bulletin-common-problems")
        .assertRealGlyphs(problems, 12, 2, 6, "举一反三");
  }

  private static long[] counts(OpenCases.Row r) {
    return new long[] {r.overdue(), r.dueSoon(), r.onTrack()};
  }

  /** The cases of {@code period} the grouping reads: latest versions, not withdrawn, described. */
  private static List<ProblemCase> cases(Period period) {
    return latest.stream()
        .map(LatestCase::record)
        .filter(r -> Period.of(PeriodKind.MONTH, r.receivedAt()).equals(period))
        .filter(r -> !r.isWithdrawn() && r.description() != null)
        .map(
            r ->
                new ProblemCase(
                    r.tenantCode(), r.caseId(), r.category().wireName(), r.description()))
        .toList();
  }

  /**
   * Every version of a case described alike: three in four cases restate one of the planted
   * problems in their own words, the rest state a one-off matter.
   */
  private static List<CaseRecord> described(List<CaseRecord> records) {
    Map<String, String> byCase = new HashMap<>();
    List<CaseRecord> out = new ArrayList<>(records.size());
    for (CaseRecord r : records) {
      String key = r.tenantCode() + "/" + r.caseId();
      String description =
          byCase.computeIfAbsent(
              key,
              k -> {
                Random random = new Random(k.hashCode());
                return random.nextInt(4) < 3
                    ? PlantedProblems.describe(
                        PlantedProblems.PROBLEMS.get(
                            random.nextInt(PlantedProblems.PROBLEMS.size())),
                        random)
                    : PlantedProblems.oneOff(random);
              });
      out.add(withStatus(r, r.status(), description));
    }
    return out;
  }

  private static CaseRecord withStatus(CaseRecord r, CaseStatus status, String description) {
    boolean closed = status == CaseStatus.CLOSED;
    return CaseRecordFixture.from(r)
        .closedAt(closed ? r.closedAt() : null)
        .status(status)
        .satisfaction(closed ? r.satisfaction() : null)
        .description(description)
        .build();
  }
}
