package io.liangshai.local.process;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  @Test
  void acceptsAnyFreePortAndTheHighestPort() {
    assertThatCode(() -> ServerSettings.check(0, Duration.ofSeconds(1))).doesNotThrowAnyException();
    assertThatCode(() -> ServerSettings.check(65535, Duration.ofMinutes(2)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAPortOutsideTheTcpRangeNamingIt() {
    assertThatThrownBy(() -> ServerSettings.check(65536, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0..65535, got 65536");
    assertThatThrownBy(() -> ServerSettings.check(-1, Duration.ofSeconds(1)))
        .hasMessage("port must be 0..65535, got -1");
  }

  @Test
  void refusesAMissingZeroOrNegativeStartupTimeout() {
    assertThatThrownBy(() -> ServerSettings.check(0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("startupTimeout");
    assertThatThrownBy(() -> ServerSettings.check(0, Duration.ZERO))
        .hasMessage("startupTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> ServerSettings.check(0, Duration.ofSeconds(-1)))
        .hasMessage("startupTimeout must be positive, got PT-1S");
  }
}
