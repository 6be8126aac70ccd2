package io.liangshai.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.Series;
import io.liangshai.reports.render.BulletinPdf;
import io.liangshai.reports.testing.MutableClock;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.reports.testing.SchedulerTables;
import io.liangshai.warehouse.Warehouse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quartz schedule firing every second (instead of daily at 09:00) against a clock the test
 * moves: nothing before the due minute, exactly one bulletin after it — also across scheduler
 * restarts on the same PostgreSQL job store — and the next month when that falls due. Each test
 * starts from an empty job store.
 */
class BulletinScheduleITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  static final SchedulerTables SCHEDULER = new SchedulerTables(METADATA);

  static final BulletinScheduler.Options EVERY_SECOND =
      new BulletinScheduler.Options("* * * * * ?", 1000, 1000);

  @TempDir static Path data;

  private static Warehouse warehouse;
  private static MutableClock clock;
  private static BulletinPublisher publisher;

  @BeforeAll
  static void start() throws Exception {
    warehouse = SAMPLE.warehouse();
    clock = new MutableClock(shanghai("2024-02-05T10:00"));
    publisher = Publishing.publisher(warehouse, METADATA.dataSource(), clock);
    BulletinPdf.warmUp(); // as the platform does at start, so a publication takes seconds
  }

  @BeforeEach
  void emptyJobStore() throws Exception {
    SCHEDULER.clear();
  }

  @Test
  void publishesEachDuePeriodExactlyOnceAcrossRestarts() throws Exception {
    Instant enabledAt = clock.instant();
    try (BulletinScheduler scheduler = scheduler()) {
      awaitRuns(scheduler, 2);
      assertThat(bulletins()).as("January is not due before 6 February 09:00").isEmpty();
      ScheduleView monthly = scheduler.schedule("monthly").orElseThrow();
      assertThat(monthly.schedule().activeSince()).isEqualTo(enabledAt);
      assertThat(monthly.nextPeriod()).isEqualTo("2024-01");
      assertThat(monthly.nextDue()).isEqualTo(shanghai("2024-02-06T09:00"));
      assertThat(monthly.nextRun()).isNotNull();
    }

    clock.set(shanghai("2024-02-06T09:00:30")); // due while the scheduler is down
    try (BulletinScheduler scheduler = scheduler()) {
      assertThat(scheduler.schedule("monthly").orElseThrow().schedule().activeSince())
          .as("the schedule survived the restart")
          .isEqualTo(enabledAt);
      awaitRuns(scheduler, 3);
      List<Bulletin> published = bulletins();
      assertThat(published).hasSize(1);
      Bulletin january = published.get(0);
      assertThat(january.id()).isEqualTo("monthly-0001");
      assertThat(january.period()).isEqualTo("2024-01");
      assertThat(january.createdBy()).isEqualTo(BulletinPublisher.SCHEDULER);
      assertThat(january.groups())
          .containsExactly("cities", "counties", "mountain26", "non_mountain");
    }

    try (BulletinScheduler scheduler = scheduler()) {
      awaitRuns(scheduler, 3);
      assertThat(bulletins())
          .as("a second run for a published period publishes nothing")
          .hasSize(1);

      clock.set(shanghai("2024-03-07T09:00:00")); // 1, 4, 5, 6, 7 March
      awaitRuns(scheduler, scheduler.runs(Series.MONTHLY) + 2);
      assertThat(bulletins()).extracting(Bulletin::period).containsExactly("2024-02", "2024-01");
      assertThat(bulletins()).extracting(Bulletin::issueNo).containsExactly(2, 1);
    }
  }

  @Test
  void theProvinceDisablesAndReEnablesASeries() throws Exception {
    clock.set(shanghai("2024-04-01T12:00"));
    try (BulletinScheduler scheduler = scheduler()) {
      ScheduleView off =
          scheduler.update(Series.QUARTERLY, new ScheduleChange(false, null, null, null, null));
      assertThat(off.schedule().enabled()).isFalse();
      assertThat(off.nextRun()).isNull();
      assertThat(off.nextPeriod()).isNull();

      clock.set(shanghai("2024-05-01T12:00"));
      ScheduleView on =
          scheduler.update(
              Series.QUARTERLY,
              new ScheduleChange(true, 3, LocalTime.of(10, 0), List.of("cities"), null));
      assertThat(on.schedule().enabled()).isTrue();
      assertThat(on.schedule().activeSince()).isEqualTo(shanghai("2024-05-01T12:00"));
      assertThat(on.schedule().workingDay()).isEqualTo(3);
      assertThat(on.schedule().groups()).containsExactly("cities");
      assertThat(on.nextPeriod()).isEqualTo("2024-Q2");
      assertThat(on.nextDue()).isEqualTo(shanghai("2024-07-03T10:00"));
      assertThat(on.nextRun()).isNotNull();
    }
    try (BulletinScheduler scheduler = scheduler()) {
      assertThat(scheduler.schedule("quarterly").orElseThrow().schedule().workingDay())
          .isEqualTo(3);
    }
  }

  /**
   * The job store the previous release kept under {@code $LIANGSHAI_DATA_DIR/scheduler} (made by
   * main 32ae47a, see {@code upgrade/scheduler/README.md}): monthly on the 3rd working day at 10:30
   * for cities and counties, enabled since 2025-11-03 02:00 UTC; quarterly disabled. Its schedules
   * become the new store's on the first start, and only then.
   */
  @Test
  void anUpgradedDataDirectoryKeepsItsSchedules() throws Exception {
    Path dir = Files.createDirectories(data.resolve("upgraded/scheduler"));
    try (InputStream old = getClass().getResourceAsStream("/upgrade/scheduler/quartz.mv.db")) {
      Files.copy(old, dir.resolve(LegacySchedules.FILE));
    }
    byte[] before = Files.readAllBytes(dir.resolve(LegacySchedules.FILE));
    List<SeriesSchedule> old = LegacySchedules.read(dir);
    assertThat(old)
        .extracting(SeriesSchedule::series)
        .containsExactly(Series.MONTHLY, Series.QUARTERLY);
    clock.set(shanghai("2025-11-03T12:00"));

    try (BulletinScheduler scheduler = scheduler(old)) {
      SeriesSchedule monthly = scheduler.schedule("monthly").orElseThrow().schedule();
      assertThat(monthly)
          .isEqualTo(
              new SeriesSchedule(
                  Series.MONTHLY,
                  true,
                  3,
                  LocalTime.of(10, 30),
                  List.of("cities", "counties"),
                  "standard",
                  Instant.parse("2025-11-03T02:00:00Z"),
                  null));
      ScheduleView quarterly = scheduler.schedule("quarterly").orElseThrow();
      assertThat(quarterly.schedule().enabled()).isFalse();
      assertThat(quarterly.nextRun()).isNull();
      scheduler.update(Series.MONTHLY, new ScheduleChange(null, 4, null, null, null));
    }
    try (BulletinScheduler scheduler = scheduler(LegacySchedules.read(dir))) {
      assertThat(scheduler.schedule("monthly").orElseThrow().schedule().workingDay())
          .as("the store's own schedule wins over the old one at every later start")
          .isEqualTo(4);
    }
    assertThat(Files.readAllBytes(dir.resolve(LegacySchedules.FILE)))
        .as("the old store is left as it was")
        .isEqualTo(before);
    assertThat(LegacySchedules.read(data.resolve("never-ran-the-old-release"))).isEmpty();
  }

  private static BulletinScheduler scheduler() throws Exception {
    return scheduler(List.of());
  }

  private static BulletinScheduler scheduler(List<SeriesSchedule> adopted) throws Exception {
    return BulletinScheduler.start(METADATA.dataSource(), adopted, publisher, clock, EVERY_SECOND);
  }

  private static List<Bulletin> bulletins() throws Exception {
    return new BulletinStore(warehouse)
        .list().stream().filter(b -> b.series().equals("monthly")).toList();
  }

  private static void awaitRuns(BulletinScheduler scheduler, long runs)
      throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (scheduler.runs(Series.MONTHLY) < runs) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + scheduler.runs(Series.MONTHLY) + " of " + runs + " runs within 180 s");
      }
      Thread.sleep(100);
    }
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }
}
