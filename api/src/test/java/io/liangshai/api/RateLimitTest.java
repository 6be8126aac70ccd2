package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-key token bucket behind 429: bursts up to a minute's allowance, refills evenly. */
class RateLimitTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimit limit = new RateLimit(60, now::get);

  @Test
  void grantsAMinutesAllowanceAtOnceThenAsksToWait() {
    for (int i = 0; i < 60; i++) {
      assertThat(limit.take("k_a")).as("request %d", i + 1).isZero();
    }
    long wait = limit.take("k_a");
    assertThat(wait).isBetween(999_000_000L, 1_000_000_000L);
  }

  @Test
  void refillsOneTokenPerSecondAtSixtyAMinute() {
    for (int i = 0; i < 60; i++) {
      limit.take("k_a");
    }
    now.addAndGet(1_000_000_000L);
    assertThat(limit.take("k_a")).isZero();
    assertThat(limit.take("k_a")).isPositive();
  }

  @Test
  void keysHaveBucketsOfTheirOwn() {
    for (int i = 0; i < 60; i++) {
      limit.take("k_a");
    }
    assertThat(limit.take("k_a")).isPositive();
    assertThat(limit.take("k_b")).isZero();
  }

  @Test
  void neverHoldsMoreThanAMinutesAllowance() {
    now.addAndGet(3_600_000_000_000L);
    int granted = 0;
    while (limit.take("k_a") == 0) {
      granted++;
    }
    assertThat(granted).isEqualTo(60);
  }
}
