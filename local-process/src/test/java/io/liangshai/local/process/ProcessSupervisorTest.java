package io.liangshai.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessSupervisorTest {

  @Test
  void backsOffByDoublingUpToTheCeiling() {
    List<Duration> delays = new ArrayList<>();
    Duration d = ProcessSupervisor.FIRST_DELAY;
    for (int i = 0; i < 10; i++) {
      delays.add(d);
      d = ProcessSupervisor.next(d);
    }
    assertThat(delays.subList(0, 4))
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    assertThat(delays).allMatch(x -> x.compareTo(ProcessSupervisor.MAX_DELAY) <= 0);
    assertThat(delays.get(9)).isEqualTo(ProcessSupervisor.MAX_DELAY);
  }

  @Test
  void startsADeadProcessAgainUntilItsOwnerIsClosed() throws Exception {
    AtomicReference<Process> current = new AtomicReference<>(sleeper());
    AtomicBoolean closed = new AtomicBoolean();
    ProcessSupervisor supervisor =
        new ProcessSupervisor(
            "test sleeper",
            () -> current.get().toHandle(),
            () -> {
              current.set(sleeper());
              return current.get().toHandle();
            },
            closed::get);
    supervisor.start();
    try {
      Process first = current.get();
      first.destroyForcibly().waitFor();
      awaitRestarts(supervisor, 1);
      assertThat(current.get().pid()).as("a new process").isNotEqualTo(first.pid());
      assertThat(current.get().isAlive()).isTrue();

      closed.set(true);
      current.get().destroyForcibly().waitFor();
      // Longer than the back-off after one restart (500 ms): nothing is started again.
      Thread.sleep(1000);
      assertThat(supervisor.restarts()).isEqualTo(1);
      assertThat(current.get().isAlive()).isFalse();
    } finally {
      supervisor.stop();
      current.get().destroyForcibly();
    }
  }

  private static Process sleeper() {
    try {
      return new ProcessBuilder("sleep", "120").start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitRestarts(ProcessSupervisor supervisor, int restarts)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (supervisor.restarts() < restarts) {
      assertThat(System.nanoTime()).as("restarts within 20 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
