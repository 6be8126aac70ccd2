package io.liangshai.reports.schedule;

import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.render.BulletinPdf;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.reports.testing.MutableClock;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Another process of the platform for {@link BulletinClusterITCase}: a {@link BulletinScheduler} on
 * the test's ClickHouse and PostgreSQL, its clock set from standard input. Arguments: the
 * ClickHouse JDBC URL, the PostgreSQL JDBC URL, user, password, the clock's start and {@value
 * #PUBLISH} or {@value #HANG} (a publication that never gets its figures: the process dies mid-run
 * when the test kills it). Prints {@value #STARTED} once in the cluster, {@value #CLOCK} and the
 * instant after each {@code CLOCK instant} line it reads, {@value #HANGING} when a publication
 * hangs; closes the scheduler and exits when its input ends.
 */
public final class ClusterMember {

  static final String PUBLISH = "publish";
  static final String HANG = "hang";
  static final String STARTED = "STARTED";
  static final String CLOCK = "CLOCK ";
  static final String HANGING = "HANGING";

  private ClusterMember() {}

  public static void main(String[] args) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse(args[4]));
    PGSimpleDataSource metadata = new PGSimpleDataSource();
    metadata.setUrl(args[1]);
    metadata.setUser(args[2]);
    metadata.setPassword(args[3]);
    BulletinPdf.warmUp(); // as the platform does at start, so a publication takes seconds
    try (Warehouse warehouse = Warehouse.open(args[0])) {
      BulletinPublisher publisher =
          args[5].equals(HANG)
              ? Publishing.publisher(warehouse, metadata, clock, new NeverFigures())
              : Publishing.publisher(warehouse, metadata, clock);
      try (BulletinScheduler scheduler =
          BulletinScheduler.start(
              metadata, publisher, clock, BulletinScheduleITCase.EVERY_SECOND)) {
        say(STARTED);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith(CLOCK)) {
            clock.set(Instant.parse(line.substring(CLOCK.length())));
            say(line);
          }
        }
      }
    }
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Figures that never come: the publication waits until the process is killed. */
  private static final class NeverFigures implements FiguresSource {

    @Override
    public LeagueTable table(Period period, List<String> members, Scheme scheme, Instant now) {
      return hang();
    }

    @Override
    public Indicators indicators(Period period, String tenant, Instant now) {
      return hang();
    }

    private static <T> T hang() {
      say(HANGING);
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("interrupted while waiting for figures that never come");
    }
  }
}
