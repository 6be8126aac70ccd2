package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.metadata.testing.MetadataExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulletinNumbersITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private final BulletinNumbers numbers = new BulletinNumbers(METADATA.dataSource(), CLOCK);

  @Test
  void aSeriesStartsAtOneAndCountsOnItsOwn() throws Exception {
    assertThat(numbers.lastIssueNo("monthly-a")).isZero();
    assertThat(numbers.allocate("monthly-a")).isEqualTo(1);
    assertThat(numbers.allocate("monthly-a")).isEqualTo(2);
    assertThat(numbers.allocate("weekly-a")).isEqualTo(1);
    assertThat(numbers.lastIssueNo("monthly-a")).isEqualTo(2);
  }

  @Test
  void concurrentPublishersOnTheirOwnConnectionsNeverShareANumber() throws Exception {
    List<List<Integer>> perThread =
        Concurrently.run(
            8,
            t ->
                () -> {
                  List<Integer> mine = new ArrayList<>();
                  for (int i = 0; i < 10; i++) {
                    mine.add(numbers.allocate("monthly-b"));
                  }
                  return mine;
                });

    List<Integer> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
    assertThat(numbers.lastIssueNo("monthly-b")).isEqualTo(80);
  }

  @Test
  void continuesAfterNumbersHandedOutBeforeAndNeverGoesBack() throws Exception {
    numbers.continueAfter("monthly-c", 41);
    assertThat(numbers.allocate("monthly-c")).isEqualTo(42);
    numbers.continueAfter("monthly-c", 7);
    assertThat(numbers.allocate("monthly-c")).isEqualTo(43);
    assertThatThrownBy(() -> numbers.continueAfter("monthly-c", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastIssueNo");
  }
}
