package io.liangshai.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.reports.testing.Publishing;
import io.liangshai.reports.testing.SampleWarehouse;
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

  private static final int CORRECTIONS_EACH = 3;

  @Test
  void twoPublishersNeverShareAnIssueNumber() throws Exception {
    List<BulletinPublisher> publishers = twoPublishers();
    Bulletin first = publishers.get(0).publish(request("2024-01", null));
    assertThat(first.issueNo()).isEqualTo(1);

    List<Callable<Bulletin>> corrections = new ArrayList<>();
    for (BulletinPublisher publisher : publishers) {
      for (int i = 0; i < CORRECTIONS_EACH; i++) {
        corrections.add(() -> publisher.publish(request(null, first.id())));
      }
    }
    List<Integer> numbers = new ArrayList<>();
    for (Future<Bulletin> correction : allAtOnce(corrections)) {
      numbers.add(correction.get().issueNo());
    }
    List<Integer> expected = IntStream.rangeClosed(2, 1 + 2 * CORRECTIONS_EACH).boxed().toList();
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    List<Integer> stored =
        new BulletinStore(SAMPLE.warehouse())
            .forPeriod("monthly", "2024-01").stream().map(Bulletin::issueNo).toList();
    assertThat(stored)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 1 + 2 * CORRECTIONS_EACH).boxed().toList());
  }

  @Test
  void twoPublishersPublishingOnePeriodAtOncePublishItOnce() throws Exception {
    List<Callable<Bulletin>> both = new ArrayList<>();
    for (BulletinPublisher publisher : twoPublishers()) {
      both.add(() -> publisher.publish(request("2024-Q1", null)));
    }
    int published = 0;
    for (Future<Bulletin> attempt : allAtOnce(both)) {
      try {
        attempt.get();
        published++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(PublishException.class);
        assertThat(((PublishException) e.getCause()).reason())
            .isEqualTo(PublishException.Reason.DUPLICATE);
      }
    }
    assertThat(published).isEqualTo(1);
    assertThat(new BulletinStore(SAMPLE.warehouse()).forPeriod("quarterly", "2024-Q1")).hasSize(1);
  }

  /** Two publishers over this class's warehouse and metadata database, as two processes have. */
  private static List<BulletinPublisher> twoPublishers() throws Exception {
    return List.of(
        Publishing.publisher(SAMPLE.warehouse(), METADATA.dataSource(), Publishing.AT_PUBLICATION),
        Publishing.publisher(SAMPLE.warehouse(), METADATA.dataSource(), Publishing.AT_PUBLICATION));
  }

  /** Runs every task at the same moment; their outcomes, each done (within five minutes). */
  private static <T> List<Future<T>> allAtOnce(List<Callable<T>> tasks) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      }
      go.countDown();
      for (Future<T> f : futures) {
        try {
          f.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          // the caller looks at each outcome
        }
      }
      return futures;
    } finally {
      pool.shutdownNow();
    }
  }

  private static PublishRequest request(String period, String corrects) {
    return new PublishRequest(period, null, null, corrects, "330000", "admin");
  }
}
