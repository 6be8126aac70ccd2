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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two publishers over one PostgreSQL and one warehouse, as two platform processes have them, each
 * serialised only within itself: publishing at the same time, they never share an issue number.
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

  private static PublishRequest request(String corrects) {
    return new PublishRequest(
        corrects == null ? "2024-01" : null, null, null, corrects, "330000", "admin");
  }
}
