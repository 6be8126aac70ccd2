package io.liangshai.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void aListeningPortAcceptsAndAClosedOneDoesNot() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
      assertThat(LocalPorts.accepts(port, Duration.ofSeconds(1))).isTrue();
    }
    assertThat(LocalPorts.accepts(port, Duration.ofSeconds(1))).isFalse();
  }
}
