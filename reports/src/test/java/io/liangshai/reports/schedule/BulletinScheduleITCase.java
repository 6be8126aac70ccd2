package io.liangshai.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.Series;
import io.liangshai.reports.testing.MutableClock;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Quartz schedule firing every second (instead of daily at 09:00) against a clock the test
 * moves: nothing before the due minute, exactly one bulletin after it — also across scheduler
 * restarts on the same H2 job store — and the next month when that falls due.
 */
class BulletinScheduleITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final BulletinScheduler.Options EVERY_SECOND =
      new BulletinScheduler.Options("* * * * * ?", 1000);

  @TempDir static Path data;

  private static Warehouse warehouse;
  private static MutableClock clock;
  private static BulletinPublisher publisher;

  @BeforeAll
  static void start() throws Exception {
    warehouse = SAMPLE.warehouse();
    clock = new MutableClock(shanghai("2024-02-05T10:00"));
    publisher = Publishing.publisher(warehouse, METADATA.dataSource(), clock);
  }

  @Test
  void publishesEachDuePeriodExactlyOnceAcrossRestarts() throws Exception {
    Path dir = data.resolve("scheduler");
    Instant enabledAt = clock.instant();
    try (BulletinScheduler scheduler = start(dir)) {
      awaitRuns(scheduler, 2);
      assertThat(bulletins()).as("January is not due before 6 February 09:00").isEmpty();
      ScheduleView monthly = scheduler.schedule("monthly").orElseThrow();
      assertThat(monthly.schedule().activeSince()).isEqualTo(enabledAt);
      assertThat(monthly.nextPeriod()).isEqualTo("2024-01");
      assertThat(monthly.nextDue()).isEqualTo(shanghai("2024-02-06T09:00"));
      assertThat(monthly.nextRun()).isNotNull();
    }

    clock.set(shanghai("2024-02-06T09:00:30")); // due while the scheduler is down
    try (BulletinScheduler scheduler = start(dir)) {
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

    try (BulletinScheduler scheduler = start(dir)) {
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
    try (BulletinScheduler scheduler = start(data.resolve("toggle"))) {
      ScheduleView off =
          scheduler.update(Series.QUARTERLY, new ScheduleChange(false, null, null, null, null));
      assertThat(off.schedule().enabled()).isFalse();
      assertThat(off.nextRun()).isNull();
      assertThat(off.nextPeriod()).isNull();

      clock.set(shanghai("2024-05-01T12:00"));
      ScheduleView on =
          scheduler.update(
              Series.QUARTERLY,
              new ScheduleChange(true, 3, java.time.LocalTime.of(10, 0), List.of("cities"), null));
      assertThat(on.schedule().enabled()).isTrue();
      assertThat(on.schedule().activeSince()).isEqualTo(shanghai("2024-05-01T12:00"));
      assertThat(on.schedule().workingDay()).isEqualTo(3);
      assertThat(on.schedule().groups()).containsExactly("cities");
      assertThat(on.nextPeriod()).isEqualTo("2024-Q2");
      assertThat(on.nextDue()).isEqualTo(shanghai("2024-07-03T10:00"));
      assertThat(on.nextRun()).isNotNull();
    }
    try (BulletinScheduler scheduler = start(data.resolve("toggle"))) {
      assertThat(scheduler.schedule("quarterly").orElseThrow().schedule().workingDay())
          .isEqualTo(3);
    }
  }

  private static BulletinScheduler start(Path dir) throws Exception {
    return BulletinScheduler.start(dir, publisher, clock, EVERY_SECOND);
  }

  private static List<Bulletin> bulletins() throws Exception {
    return new BulletinStore(warehouse)
        .list().stream().filter(b -> b.series().equals("monthly")).toList();
  }

  private static void awaitRuns(BulletinScheduler scheduler, long runs)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (scheduler.runs(Series.MONTHLY) < runs) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "only " + scheduler.runs(Series.MONTHLY) + " of " + runs + " runs within 60 s");
      }
      Thread.sleep(100);
    }
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }
}
