package io.liangshai.warehouse.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceCacheTest {

  @Test
  void identicalRequestsArrivingTogetherAreComputedOnce() throws Exception {
    OnceCache<String, Integer, SQLException> cache = new OnceCache<>(8, SQLException.class);
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(
            pool.submit(
                () ->
                    cache.get(
                        "k",
                        () -> {
                          computed.incrementAndGet();
                          await(release);
                          return 42;
                        })));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<Integer> a : answers) {
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(42);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(computed).hasValue(1);
    assertThat(cache.get("k", () -> 0)).isEqualTo(42);
  }

  @Test
  void aFailureIsThrownAsItselfAndNotKept() throws Exception {
    OnceCache<String, Integer, SQLException> cache = new OnceCache<>(8, SQLException.class);
    assertThatThrownBy(
            () ->
                cache.get(
                    "k",
                    () -> {
                      throw new SQLException("warehouse down");
                    }))
        .isExactlyInstanceOf(SQLException.class)
        .hasMessage("warehouse down");
    assertThat(cache.get("k", () -> 7)).isEqualTo(7);
  }

  @Test
  void requestsWaitingForAFailureGetItUnwrapped() throws Exception {
    OnceCache<String, Integer, SQLException> cache = new OnceCache<>(8, SQLException.class);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch fail = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first =
          pool.submit(
              () ->
                  cache.get(
                      "k",
                      () -> {
                        computing.countDown();
                        await(fail);
                        throw new IllegalStateException("bad table");
                      }));
      computing.await(10, TimeUnit.SECONDS);
      Future<Integer> waiting = pool.submit(() -> cache.get("k", () -> 1));
      Thread.sleep(200);
      fail.countDown();
      for (Future<Integer> f : List.of(first, waiting)) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .cause()
            .isExactlyInstanceOf(IllegalStateException.class)
            .hasMessage("bad table");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pastTheLimitOnlyTheNewestEntryIsKept() throws Exception {
    OnceCache<Integer, Integer, RuntimeException> cache =
        new OnceCache<>(2, RuntimeException.class);
    for (int i = 0; i < 3; i++) {
      int n = i;
      cache.get(i, () -> n);
    }
    assertThat(cache.get(2, () -> -1)).isEqualTo(2);
    assertThat(cache.get(0, () -> -1)).isEqualTo(-1);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
