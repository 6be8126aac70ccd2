package io.liangshai.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifetimeTest {

  @Test
  void stopsOnceAndRefusesChangesAfterClose() {
    AtomicInteger stops = new AtomicInteger();
    AtomicInteger changes = new AtomicInteger();
    Lifetime lifetime = new Lifetime("test-stop", stops::incrementAndGet);

    assertThat(lifetime.isClosed()).isFalse();
    assertThat(lifetime.ifOpen(changes::incrementAndGet)).isTrue();
    lifetime.close();
    lifetime.close();

    assertThat(lifetime.isClosed()).isTrue();
    assertThat(stops).hasValue(1);
    assertThat(lifetime.ifOpen(changes::incrementAndGet)).as("refused once closed").isFalse();
    assertThat(changes).hasValue(1);
  }
}
