package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildSupervisorTest {

  @Test
  void backsOffByDoublingUpToTheCeiling() {
    List<Duration> delays = new ArrayList<>();
    Duration d = ChildSupervisor.FIRST_DELAY;
    for (int i = 0; i < 10; i++) {
      delays.add(d);
      d = ChildSupervisor.next(d);
    }
    assertThat(delays.subList(0, 4))
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    assertThat(delays).allMatch(x -> x.compareTo(ChildSupervisor.MAX_DELAY) <= 0);
    assertThat(delays.get(9)).isEqualTo(ChildSupervisor.MAX_DELAY);
  }
}
