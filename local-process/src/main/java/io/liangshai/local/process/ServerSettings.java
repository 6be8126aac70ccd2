package io.liangshai.local.process;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings every local server takes, checked alike: its TCP port and its start-up time limit.
 */
public final class ServerSettings {

  private ServerSettings() {}

  /**
   * @param port a TCP port, or 0 for any free port
   * @param startupTimeout how long the server may take to accept connections
   * @throws IllegalArgumentException when the port is not 0..65535 or the time limit not positive
   */
  public static void check(int port, Duration startupTimeout) {
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive, got " + startupTimeout);
    }
  }
}
