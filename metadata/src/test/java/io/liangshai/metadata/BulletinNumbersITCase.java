package io.liangshai.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulletinNumbersITCase {

  @RegisterExtension
  static final MetadataDatabase<BulletinNumbers> NUMBERS =
      new MetadataDatabase<>(BulletinNumbers::new);

  @Test
  void aSeriesStartsAtOneAndCountsOnItsOwn() throws Exception {
    assertThat(NUMBERS.store().lastIssueNo("monthly-a")).isZero();
    assertThat(NUMBERS.store().allocate("monthly-a")).isEqualTo(1);
    assertThat(NUMBERS.store().allocate("monthly-a")).isEqualTo(2);
    assertThat(NUMBERS.store().allocate("weekly-a")).isEqualTo(1);
    assertThat(NUMBERS.store().lastIssueNo("monthly-a")).isEqualTo(2);
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
                    mine.add(NUMBERS.store().allocate("monthly-b"));
                  }
                  return mine;
                });

    List<Integer> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
    assertThat(NUMBERS.store().lastIssueNo("monthly-b")).isEqualTo(80);
  }

  @Test
  void continuesAfterNumbersHandedOutBeforeAndNeverGoesBack() throws Exception {
    NUMBERS.store().continueAfter("monthly-c", 41);
    assertThat(NUMBERS.store().allocate("monthly-c")).isEqualTo(42);
    NUMBERS.store().continueAfter("monthly-c", 7);
    assertThat(NUMBERS.store().allocate("monthly-c")).isEqualTo(43);
    assertThatThrownBy(() -> NUMBERS.store().continueAfter("monthly-c", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastIssueNo");
  }
}
