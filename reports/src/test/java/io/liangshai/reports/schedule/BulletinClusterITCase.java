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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two processes of the platform on one PostgreSQL job store and one ClickHouse — this JVM's
 * scheduler and a {@link ClusterMember} in another JVM, both firing every second — are one Quartz
 * cluster: a bulletin that falls due on both clocks at once is published once, and a run that dies
 * with its process (SIGKILL, mid-publication) is recovered and finished by the other once the dead
 * one misses its check-in (1 s here, plus Quartz's 7.5 s).
 */
class BulletinClusterITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  static final SchedulerTables SCHEDULER = new SchedulerTables(METADATA);

  private static final Duration PATIENCE = Duration.ofSeconds(180);

  /** Where the members' output stays after the test, to read when one fails. */
  private static final Path OUTPUT = Path.of("target", "cluster-members");

  private static Warehouse warehouse;
  private MutableClock clock;
  private BulletinPublisher publisher;

  @BeforeAll
  static void open() throws Exception {
    warehouse = SAMPLE.warehouse();
    BulletinPdf.warmUp();
  }

  @BeforeEach
  void emptyJobStore() throws Exception {
    SCHEDULER.clear();
  }

  @Test
  void aBulletinDueInTwoProcessesAtOnceIsPublishedOnce() throws Exception {
    Instant before = shanghai("2024-02-05T10:00");
    Instant due = shanghai("2024-02-06T09:00:30"); // January's bulletin, by the defaults
    try (MemberProcess other = member(before, ClusterMember.PUBLISH);
        BulletinScheduler here = start(before)) {
      assertThat(SCHEDULER.instances()).as("two instances checked in").hasSize(2);
      await("this instance runs", () -> here.runs(Series.MONTHLY) >= 1);
      assertThat(publications("2024-01")).isEmpty();
      long audited = auditedPublications();

      clock.set(due);
      other.setClock(due, PATIENCE);
      await("January published", () -> !publications("2024-01").isEmpty());
      long published = System.currentTimeMillis();
      await("two more runs after it", () -> lastFired() > published + 2_000);

      assertThat(publications("2024-01")).hasSize(1);
      assertThat(auditedPublications()).as("publications the audit log saw").isEqualTo(audited + 1);
      assertThat(publications("2024-01").get(0).createdBy()).isEqualTo(BulletinPublisher.SCHEDULER);
    }
  }

  @Test
  void aRunThatDiesWithItsProcessIsFinishedByTheOther() throws Exception {
    Instant before = shanghai("2024-03-06T10:00");
    Instant due = shanghai("2024-03-07T09:00:30"); // February's bulletin: 1, 4, 5, 6, 7 March
    try (MemberProcess other = member(before, ClusterMember.HANG)) {
      other.setClock(due, PATIENCE);
      other.awaitLine(ClusterMember.HANGING, PATIENCE);
      try (BulletinScheduler here = start(due)) {
        assertThat(SCHEDULER.instances()).hasSize(2);
        await("quarterly runs here", () -> here.runs(Series.QUARTERLY) >= 2);
        assertThat(here.runs(Series.MONTHLY))
            .as("monthly is blocked while the other process runs it")
            .isZero();

        other.kill();
        await("February published here", () -> !publications("2024-02").isEmpty());
        assertThat(publications("2024-02")).hasSize(1);
        // The run is counted when it returns, just after its bulletin is stored: wait for it.
        await("the monthly run counted here", () -> here.runs(Series.MONTHLY) > 0);
        assertThat(SCHEDULER.instances()).as("the dead instance was recovered").hasSize(1);
      }
    }
  }

  private MemberProcess member(Instant now, String mode) throws Exception {
    MemberProcess member =
        MemberProcess.start(
            Files.createDirectories(OUTPUT).resolve(mode + ".log"),
            CLICKHOUSE.jdbcUrl(),
            METADATA.postgres().jdbcUrl(),
            METADATA.postgres().user(),
            METADATA.postgres().password(),
            now.toString(),
            mode);
    member.awaitLine(ClusterMember.STARTED, PATIENCE);
    return member;
  }

  private BulletinScheduler start(Instant now) throws Exception {
    clock = new MutableClock(now);
    publisher = Publishing.publisher(warehouse, METADATA.dataSource(), clock);
    return BulletinScheduler.start(
        METADATA.dataSource(), publisher, clock, BulletinScheduleITCase.EVERY_SECOND);
  }

  private static List<Bulletin> publications(String period) {
    return new BulletinStore(warehouse).forPeriod("monthly", period);
  }

  private static long auditedPublications() throws Exception {
    try (Connection c = CLICKHOUSE.connect();
        PreparedStatement st =
            c.prepareStatement("SELECT count() FROM audit_log WHERE action = ?")) {
      st.setString(1, BulletinPublisher.AUDIT_ACTION);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long lastFired() {
    try {
      return SCHEDULER.lastFired("monthly");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + PATIENCE);
      }
      Thread.sleep(100);
    }
  }

  private static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }
}
