package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RateDetail;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.testing.ExpectedMetrics;
import io.liangshai.core.time.Period;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.testing.PdfLayout;
import io.liangshai.reports.testing.PdfLayout.Glyph;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleFigures;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.AuditEntry;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.AuditQuery;
import io.liangshai.warehouse.Warehouse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sample feed's January 2024 bulletin published over a real ClickHouse, checked from the PDF
 * itself: the embedded CJK font, the county ranked first, and the red and black lists against the
 * funnel rule computed here independently.
 */
class BulletinPdfITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final float LEFT = 40; // the page margin of bulletin.jrxml
  private static final Pattern ENTRY = Pattern.compile("([^、（）]+)（第(\\d+)名，[^）]*）");

  private static Warehouse warehouse;
  private static Bulletin bulletin;
  private static byte[] pdf;

  @BeforeAll
  static void publish() throws Exception {
    warehouse = SAMPLE.warehouse();
    BulletinPublisher publisher =
        Publishing.publisher(warehouse, METADATA.dataSource(), Publishing.AT_PUBLICATION);
    bulletin =
        publisher.publish(new PublishRequest("2024-01", null, null, null, "330000", "admin"));
    pdf = new BulletinStore(warehouse).file(bulletin, BulletinFormat.PDF).orElseThrow();
  }

  @Test
  void embedsACjkFontWithIdentityH() {
    List<PdfText.FontInfo> fonts = PdfText.read(pdf).fonts();
    assertThat(fonts).isNotEmpty();
    assertThat(fonts)
        .allSatisfy(
            f -> {
              assertThat(f.name()).contains("NotoSansCJKsc");
              assertThat(f.subtype()).isEqualTo("Type0");
              assertThat(f.encoding()).isEqualTo("Identity-H");
              assertThat(f.embedded()).as(f.name() + " embedded").isTrue();
            });
  }

  @Test
  void carriesTitlePeriodIssueAndDate() {
    String text = PdfText.read(pdf).text();
    assertThat(bulletin.id()).isEqualTo("monthly-0001");
    assertThat(bulletin.issueNo()).isEqualTo(1);
    assertThat(text)
        .contains("浙江省涉企问题高效闭环解决机制晾晒通报")
        .contains("2024年1月　第1期")
        .contains("2024年2月6日")
        .contains("浙江省委改革办")
        .contains("通报编号 monthly-0001");
  }

  @Test
  void namesFirstTheCountyRankedFirstInTheExpectedTable() {
    String first =
        ExpectedMetrics.load().ranking("2024-01/counties").stream()
            .filter(row -> Integer.valueOf(1).equals(row.get("rank")))
            .map(row -> (String) row.get("tenant"))
            .findFirst()
            .orElseThrow();
    String name = Publishing.REGISTRY.get(first).name();

    PdfLayout layout = PdfLayout.read(pdf);
    Glyph heading = layout.find("（二）县（市、区）").orElseThrow();
    Glyph header = below(layout, heading, "排名变化地区");
    List<String> ranks = layout.region(header.page(), LEFT, LEFT + 28, header.y() + 4, 842);
    List<String> names = layout.region(header.page(), LEFT + 60, LEFT + 144, header.y() + 4, 842);
    assertThat(ranks.get(0)).isEqualTo("1");
    assertThat(names.get(0)).isEqualTo(name);
  }

  @Test
  void redAndBlackListsFollowTheFunnelRule() {
    Map<String, List<List<String>>> printed = printedLists();
    assertThat(printed).containsOnlyKeys("设区市", "县（市、区）", "山区26县", "非山区县（市、区）");
    Map<String, String> groups =
        Map.of(
            "设区市", "cities",
            "县（市、区）", "counties",
            "山区26县", "mountain26",
            "非山区县（市、区）", "non_mountain");
    int listed = 0;
    for (Map.Entry<String, List<List<String>>> e : printed.entrySet()) {
      List<LeagueRow> rows = table(groups.get(e.getKey())).rows();
      List<List<String>> expected = expectedLists(rows);
      assertThat(e.getValue().get(0)).as(e.getKey() + " 红榜").isEqualTo(expected.get(0));
      assertThat(e.getValue().get(1)).as(e.getKey() + " 黑榜").isEqualTo(expected.get(1));
      listed += expected.get(0).size() + expected.get(1).size();
    }
    assertThat(listed).as("the sample has names on the lists").isGreaterThan(4);
  }

  @Test
  void namesNoEnterpriseAndNoCase() throws Exception {
    String text = PdfText.read(pdf).text();
    assertThat(text).doesNotContain("公司").doesNotContain("企业名称：").doesNotContainPattern("91\\d{4}");
    String snapshot =
        new String(
            publisherStore().snapshot(bulletin).orElseThrow(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(snapshot).doesNotContain("enterprise").doesNotContain("description");
  }

  @Test
  void recordsThePublicationInTheAuditLog() throws Exception {
    List<AuditEntry> rows =
        new AuditLog(warehouse, Clock.systemUTC())
            .find(new AuditQuery(null, null, "bulletin.publish", null, null, null, 10));
    assertThat(rows).hasSize(1);
    AuditEntry row = rows.get(0);
    assertThat(row.actorTenant()).isEqualTo("330000");
    assertThat(row.keyId()).isEqualTo("admin");
    assertThat(row.object()).isEqualTo(bulletin.id());
    assertThat(row.detail()).contains("\"period\":\"2024-01\"", bulletin.pdfSha256());
  }

  private static BulletinStore publisherStore() {
    return new BulletinStore(warehouse);
  }

  /** Group label → [red names, black names] as printed in section 三. */
  private static Map<String, List<List<String>>> printedLists() {
    PdfLayout layout = PdfLayout.read(pdf);
    Glyph section = layout.find("三、红榜与黑榜").orElseThrow();
    Glyph header = below(layout, section, "组别");
    float bottom =
        layout
            .find("四、“双闭环”异常情况")
            .filter(g -> g.page() == header.page())
            .map(Glyph::y)
            .orElse(842f);
    List<Glyph> labels = new ArrayList<>();
    for (String label : List.of("设区市", "县（市、区）", "山区26县", "非山区县（市、区）")) {
      labels.add(below(layout, header, label));
    }
    labels.sort((a, b) -> Float.compare(a.y(), b.y()));
    Map<String, List<List<String>>> lists = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      float top = labels.get(i).y() - 4;
      float end = i + 1 < labels.size() ? labels.get(i + 1).y() - 4 : bottom;
      String label = String.join("", layout.region(header.page(), LEFT, LEFT + 95, top, end));
      lists.put(
          label,
          List.of(
              names(layout.region(header.page(), LEFT + 95, LEFT + 305, top, end)),
              names(layout.region(header.page(), LEFT + 305, LEFT + 515, top, end))));
    }
    return lists;
  }

  private static List<String> names(List<String> cell) {
    String text = String.join("", cell);
    List<String> names = new ArrayList<>();
    Matcher m = ENTRY.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    if (names.isEmpty()) {
      assertThat(text).as("an empty list reads 无").isEqualTo("无");
    }
    return names;
  }

  private static Glyph below(PdfLayout layout, Glyph anchor, String text) {
    return layout
        .find(anchor.page(), anchor.y() + 1, text)
        .orElseThrow(() -> new AssertionError(text + " not found below " + anchor));
  }

  private static LeagueTable table(String group) {
    List<String> members = Publishing.REGISTRY.members(group).stream().map(Tenant::code).toList();
    return new SampleFigures()
        .table(Period.parse("2024-01"), members, Scheme.standard(), Publishing.PUBLISHED);
  }

  /**
   * The rule of docs/methodology.md, written out again: N = 3 below 30 ranked (else 5, at most
   * half); red = top N with no below/alarm and some above; black = bottom N with some below/alarm.
   */
  private static List<List<String>> expectedLists(List<LeagueRow> rows) {
    List<LeagueRow> ranked =
        rows.stream()
            .filter(r -> r.rank() != null)
            .sorted(
                java.util.Comparator.comparing(LeagueRow::rank).thenComparing(LeagueRow::tenant))
            .toList();
    int n = Math.min(ranked.size() < 30 ? 3 : 5, ranked.size() / 2);
    List<String> red = new ArrayList<>();
    List<String> black = new ArrayList<>();
    for (LeagueRow r : ranked) {
      List<String> signals =
          r.rates().values().stream()
              .map(RateDetail::funnel)
              .filter(java.util.Objects::nonNull)
              .map(s -> s.wireName())
              .toList();
      boolean worse = signals.contains("below") || signals.contains("alarm");
      if (r.rank() <= n && !worse && signals.contains("above")) {
        red.add(Publishing.REGISTRY.get(r.tenant()).name());
      }
      if (r.rank() > ranked.size() - n && worse) {
        black.add(0, Publishing.REGISTRY.get(r.tenant()).name());
      }
    }
    return List.of(red, black);
  }
}
