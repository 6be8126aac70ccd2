package io.liangshai.stream;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupIndexCacheTest {

  private final AtomicInteger rebuilds = new AtomicInteger();

  @Test
  void dropsTheLeastRecentlyUsedGroupsBeyondTheBudgetButNeverTheOneInUse() {
    GroupIndexCache cache = new GroupIndexCache(10);
    cache.get("a", () -> index(4));
    cache.settle("a");
    cache.get("b", () -> index(4));
    cache.settle("b");
    cache.get("a", () -> index(4)); // a is now the most recently used
    cache.settle("a");
    assertThat(cache.weight()).isEqualTo(8);

    cache.get("c", () -> index(4));
    cache.settle("c");
    assertThat(cache.groups()).isEqualTo(2);
    assertThat(cache.weight()).isEqualTo(8);
    int before = rebuilds.get();
    cache.get("a", () -> index(4));
    assertThat(rebuilds.get()).as("a was kept, b dropped").isEqualTo(before);

    cache.get("huge", () -> index(50));
    cache.settle("huge");
    assertThat(cache.groups()).as("only the group in use").isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(50);
  }

  @Test
  void followsTheSizeOfAnIndexAsItsGroupChangesAndForgetsAnInvalidatedOne() {
    GroupIndexCache cache = new GroupIndexCache(100);
    GroupIndex index = cache.get("a", () -> index(2));
    index.replace(null, aCase().caseId("new").build());
    cache.settle("a");
    assertThat(cache.weight()).isEqualTo(3);

    cache.invalidate("a");
    assertThat(cache.groups()).isZero();
    assertThat(cache.weight()).isZero();
    int before = rebuilds.get();
    cache.get("a", () -> index(2));
    assertThat(rebuilds.get()).isEqualTo(before + 1);
  }

  /** An index of {@code n} open cases (weight n). */
  private GroupIndex index(int n) {
    rebuilds.incrementAndGet();
    List<CaseRecord> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(aCase().caseId("c" + i).build());
    }
    return GroupIndex.of(cases);
  }
}
