package io.liangshai.warehouse;

import java.time.Duration;

/**
 * Every time limit the platform puts on ClickHouse, in one place: the API's pool and the Flink
 * job's sinks read them from here, so no call can wait on a hung ClickHouse for ever.
 *
 * <p>The driver's limits travel in the JDBC URL ({@link #apply}): clickhouse-jdbc 0.9's {@code
 * connection_timeout} (TCP connect) and {@code socket_timeout} (the longest silence while waiting
 * for an answer; its default, 0, waits for ever — an API worker sat in such a read for minutes).
 */
public final class ClickHouseTimeouts {

  /** Establishing a TCP connection. */
  public static final Duration CONNECT = Duration.ofSeconds(2);

  /**
   * The longest a statement may go without ClickHouse sending anything: long enough for the slowest
   * legitimate query (an uncached league table over millions of facts on a loaded local front),
   * short enough that a hung server fails the call.
   */
  public static final Duration SOCKET = Duration.ofSeconds(20);

  /** Waiting for a free pooled connection (Hikari {@code connectionTimeout}). */
  public static final Duration POOL_WAIT = Duration.ofSeconds(1);

  /** How long the platform waits for its first connection when it starts. */
  public static final Duration STARTUP = Duration.ofSeconds(30);

  /** Checking that a pooled or sink connection still works ({@code isValid}). */
  public static final Duration VALIDATION = Duration.ofMillis(500);

  /** How long {@code GET /ping} may take before ClickHouse counts as unreachable. */
  public static final Duration PROBE = Duration.ofMillis(1200);

  /** How often {@link ClickHouseProbe} asks. */
  public static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

  /** How long a client should wait before retrying a request refused for an unavailable store. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  static final String SOCKET_OPTION = "socket_timeout";
  static final String CONNECT_OPTION = "connection_timeout";

  private ClickHouseTimeouts() {}

  /**
   * {@code jdbcUrl} with the driver's connect and socket timeouts added; options the URL already
   * names are left as they are, so an operator can override them.
   */
  public static String apply(String jdbcUrl) {
    String url = jdbcUrl;
    url = withOption(url, CONNECT_OPTION, CONNECT.toMillis());
    url = withOption(url, SOCKET_OPTION, SOCKET.toMillis());
    return url;
  }

  /** {@link #VALIDATION} in whole seconds, at least one (the JDBC {@code isValid} unit). */
  public static int validationSeconds() {
    return (int) Math.max(1, VALIDATION.toSeconds());
  }

  static String withOption(String url, String name, long value) {
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String pair : url.substring(query + 1).split("&")) {
        if (pair.equals(name) || pair.startsWith(name + "=")) {
          return url;
        }
      }
    }
    String separator = query < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
    return url + separator + name + "=" + value;
  }
}
