package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.SnapshotJson;
import io.liangshai.reports.snapshot.TableRow;
import io.liangshai.reports.testing.PdfText;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.tenants.Tenant;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A published bulletin never changes when the figures under it do: its snapshot, PDF and XLSX stay
 * byte for byte what was published; a correction is a new issue number that names what it corrects.
 */
class BulletinImmutabilityITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static Warehouse warehouse;
  private static BulletinPublisher publisher;

  @BeforeAll
  static void start() throws Exception {
    warehouse = SAMPLE.warehouse();
    publisher = Publishing.publisher(warehouse, METADATA.dataSource(), Publishing.AT_PUBLICATION);
  }

  @Test
  void publishedBulletinStaysByteIdenticalWhenTheFiguresChange() throws Exception {
    BulletinStore store = new BulletinStore(warehouse);
    Bulletin first = publish(null);
    byte[] snapshot = store.snapshot(first).orElseThrow();
    byte[] pdf = store.file(first, BulletinFormat.PDF).orElseThrow();
    byte[] xlsx = store.file(first, BulletinFormat.XLSX).orElseThrow();
    String leader = firstCounty(SnapshotJson.read(snapshot));

    closeNothingIn(leader); // late data: the leading county's January cases all reopen
    assertThat(liveFirstCounty()).as("the live league table moved").isNotEqualTo(leader);

    Bulletin again = store.find(first.id()).orElseThrow();
    assertThat(again).isEqualTo(first);
    assertThat(store.snapshot(again).orElseThrow()).isEqualTo(snapshot);
    assertThat(store.file(again, BulletinFormat.PDF).orElseThrow()).isEqualTo(pdf);
    assertThat(store.file(again, BulletinFormat.XLSX).orElseThrow()).isEqualTo(xlsx);
    assertThat(BulletinStore.sha256(pdf)).isEqualTo(first.pdfSha256());
    assertThat(monthly(store)).containsExactly(first);

    Bulletin correction = publish(first.id());
    assertThat(correction.id()).isEqualTo("monthly-0002");
    assertThat(correction.issueNo()).isEqualTo(2);
    assertThat(correction.corrects()).isEqualTo(first.id());
    assertThat(correction.period()).isEqualTo("2024-01");
    assertThat(correction.groups()).isEqualTo(first.groups());
    BulletinSnapshot corrected = SnapshotJson.read(store.snapshot(correction).orElseThrow());
    assertThat(corrected.corrects().id()).isEqualTo(first.id());
    assertThat(firstCounty(corrected)).isNotEqualTo(leader);
    assertThat(PdfText.read(store.file(correction, BulletinFormat.PDF).orElseThrow()).text())
        .contains("2024年1月　第2期")
        .contains("更正通报：本期更正第1期（编号 monthly-0001），以本期为准。");
    assertThat(store.file(first, BulletinFormat.PDF).orElseThrow()).isEqualTo(pdf);
    assertThat(monthly(store))
        .extracting(Bulletin::id)
        .containsExactly("monthly-0002", "monthly-0001");
  }

  @Test
  void aSecondBulletinForThePeriodIsRefusedAndNamesTheFirst() throws Exception {
    Bulletin quarter =
        publisher.publish(
            new PublishRequest("2024-Q1", List.of("cities"), null, null, "330000", "admin"));
    assertThat(quarter.series()).isEqualTo("quarterly");
    assertThat(quarter.id()).isEqualTo("quarterly-0001");
    assertThatThrownBy(
            () ->
                publisher.publish(
                    new PublishRequest("2024-Q1", null, null, null, "330000", "admin")))
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PublishException.Reason.DUPLICATE);
              assertThat(e.existing()).isEqualTo("quarterly-0001");
              assertThat(e.getMessage()).contains("corrects");
            });
    assertThat(
            publisher.publishScheduled(Series.QUARTERLY, Period.parse("2024-Q1"), null, "standard"))
        .isEmpty();
  }

  @Test
  void refusesWrongFieldsNamingThem() {
    assertField(new PublishRequest(null, null, null, null, "330000", "admin"), "period");
    assertField(new PublishRequest("2024-13", null, null, null, "330000", "admin"), "period");
    assertField(
        new PublishRequest("2024-03", List.of("cities", "lakeside"), null, null, "330000", "a"),
        "groups[1]");
    assertField(
        new PublishRequest("2024-03", List.of("cities", "cities"), null, null, "330000", "a"),
        "groups[1]");
    assertField(new PublishRequest("2024-03", List.of(), null, null, "330000", "a"), "groups");
    assertField(new PublishRequest("2024-03", null, "nonesuch", null, "330000", "a"), "scheme");
    assertField(
        new PublishRequest("2024-03", null, null, "monthly-9999", "330000", "a"), "corrects");
  }

  private static void assertField(PublishRequest request, String field) {
    assertThatThrownBy(() -> publisher.publish(request))
        .as(field)
        .isInstanceOfSatisfying(
            PublishException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PublishException.Reason.INVALID);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  /** The monthly series, newest first (other tests of this class publish quarterly). */
  private static List<Bulletin> monthly(BulletinStore store) throws Exception {
    return store.list().stream().filter(b -> b.series().equals("monthly")).toList();
  }

  private static Bulletin publish(String corrects) throws Exception {
    return publisher.publish(
        new PublishRequest(
            corrects == null ? "2024-01" : null, null, null, corrects, "330000", "admin"));
  }

  private static String firstCounty(BulletinSnapshot snapshot) {
    return snapshot.groups().stream()
        .filter(g -> g.group().equals("counties"))
        .flatMap(g -> g.rows().stream())
        .filter(r -> Integer.valueOf(1).equals(r.rank()))
        .map(TableRow::tenant)
        .findFirst()
        .orElseThrow();
  }

  private static String liveFirstCounty() throws Exception {
    List<String> members =
        Publishing.REGISTRY.members("counties").stream().map(Tenant::code).toList();
    return new LeagueTables(new MetricsQueries(warehouse), Publishing.AT_PUBLICATION)
        .compute(Period.parse("2024-01"), members, Scheme.standard())
        .rows()
        .get(0)
        .tenant();
  }

  /** A newer version of {@code tenant}'s January counts with nothing closed. */
  private static void closeNothingIn(String tenant) throws Exception {
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tenant_period_counts (period_kind, period, tenant_code, received,"
                    + " closed, overdue_closed, recurrences, rated, satisfied, dissatisfied,"
                    + " reassigned, leader_instructed, escalated, version)"
                    + " SELECT period_kind, period, tenant_code, received, 0, 0, recurrences,"
                    + " rated, satisfied, dissatisfied, reassigned, leader_instructed, escalated, 2"
                    + " FROM tenant_period_counts FINAL"
                    + " WHERE period_kind = 'month' AND period = '2024-01' AND tenant_code = ?")) {
      ps.setString(1, tenant);
      ps.executeUpdate();
    }
  }
}
