package io.liangshai.local.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Ports of the servers this machine runs for the platform, on the loopback address. */
public final class LocalPorts {

  private LocalPorts() {}

  /** Whether something on 127.0.0.1 accepts a connection to {@code port} within {@code timeout}. */
  public static boolean accepts(int port, Duration timeout) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), Math.toIntExact(timeout.toMillis()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
