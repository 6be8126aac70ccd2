package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
import io.liangshai.warehouse.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two publishers over one PostgreSQL and one warehouse, as two platform processes have them, each
 * serialised only within itself: publishing at the same time, they never share an issue number, and
 * one period published by both at once is published once (the other is told it exists).
 */
class ConcurrentPublishingITCase {

  @RegisterExtension static final ClickHouseExtension CLICKHOUSE = new ClickHouseExtension();

  @RegisterExtension static final SampleWarehouse SAMPLE = new SampleWarehouse(CLICKHOUSE);

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-02-06T01:00:00Z"), ZoneOffset.UTC);
  private static final int CORRECTIONS_EACH = 3;

  @Test
  void twoPublishersNeverShareAnIssueNumber() throws Exception {
    Warehouse warehouse = SAMPLE.warehouse();
    List<BulletinPublisher> publishers =
        List.of(
            Publishing.publisher(warehouse, METADATA.dataSource(), CLOCK),
            Publishing.publisher(warehouse, METADATA.dataSource(), CLOCK));
    Bulletin first = publishers.get(0).publish(request(null));
    assertThat(first.issueNo()).isEqualTo(1);

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2 * CORRECTIONS_EACH);
    List<Future<Bulletin>> corrections = new ArrayList<>();
    try {
      for (BulletinPublisher publisher : publishers) {
        for (int i = 0; i < CORRECTIONS_EACH; i++) {
          Callable<Bulletin> correct =
              () -> {
                go.await();
                return publisher.publish(request(first.id()));
              };
          corrections.add(pool.submit(correct));
        }
      }
      go.countDown();
      List<Integer> numbers = new ArrayList<>();
      for (Future<Bulletin> correction : corrections) {
        numbers.add(correction.get(5, TimeUnit.MINUTES).issueNo());
      }
      List<Integer> expected = IntStream.rangeClosed(2, 1 + 2 * CORRECTIONS_EACH).boxed().toList();
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
    List<Integer> stored =
        new BulletinStore(warehouse)
            .forPeriod("monthly", "2024-01").stream().map(Bulletin::issueNo).toList();
    assertThat(stored)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 1 + 2 * CORRECTIONS_EACH).boxed().toList());
  }

  @Test
  void twoPublishersPublishingOnePeriodAtOncePublishItOnce() throws Exception {
    Warehouse warehouse = SAMPLE.warehouse();
    List<BulletinPublisher> publishers =
        List.of(
            Publishing.publisher(warehouse, METADATA.dataSource(), CLOCK),
            Publishing.publisher(warehouse, METADATA.dataSource(), CLOCK));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(publishers.size());
    List<Future<Bulletin>> attempts = new ArrayList<>();
    try {
      for (BulletinPublisher publisher : publishers) {
        attempts.add(
            pool.submit(
                () -> {
                  go.await();
                  return publisher.publish(
                      new PublishRequest("2024-Q1", null, null, null, "330000", "admin"));
                }));
      }
      go.countDown();
      int published = 0;
      int refused = 0;
      for (Future<Bulletin> attempt : attempts) {
        try {
          attempt.get(5, TimeUnit.MINUTES);
          published++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(PublishException.class);
          assertThat(((PublishException) e.getCause()).reason())
              .isEqualTo(PublishException.Reason.DUPLICATE);
          refused++;
        }
      }
      assertThat(published).isEqualTo(1);
      assertThat(refused).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(new BulletinStore(warehouse).forPeriod("quarterly", "2024-Q1")).hasSize(1);
  }

  private static PublishRequest request(String corrects) {
    return new PublishRequest(
        corrects == null ? "2024-01" : null, null, null, corrects, "330000", "admin");
  }
}
