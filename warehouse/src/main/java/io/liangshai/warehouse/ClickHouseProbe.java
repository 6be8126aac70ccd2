package io.liangshai.warehouse;

import io.liangshai.core.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks ClickHouse {@code GET /ping} every {@link ClickHouseTimeouts#PROBE_INTERVAL}, off every
 * request path, and remembers the answer: a health check that answers at once however ClickHouse
 * behaves. Any HTTP answer within {@link ClickHouseTimeouts#PROBE} counts as reachable (a server
 * answers {@code /ping} without credentials, without running a statement); silence, a refused
 * connection or a reset does not. On the change to unreachable it calls {@code onUnreachable}, so
 * that calls waiting on the silent server can be given up at once.
 */
public final class ClickHouseProbe implements AutoCloseable {

  /** What the probe last found. */
  public record State(boolean reachable, Instant since, String problem) {}

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseProbe.class);

  private final URI ping;
  private final Runnable onUnreachable;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private volatile State state;

  ClickHouseProbe(String jdbcUrl, Runnable onUnreachable, Clock clock) {
    this.ping = pingUri(jdbcUrl);
    this.onUnreachable = Objects.requireNonNull(onUnreachable, "onUnreachable");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = new State(true, clock.instant(), "");
    this.timer = DaemonThreads.scheduler("clickhouse-probe");
  }

  void start() {
    long every = ClickHouseTimeouts.PROBE_INTERVAL.toMillis();
    timer.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
  }

  public State state() {
    return state;
  }

  public boolean reachable() {
    return state.reachable();
  }

  /** One probe now (the timer's task; tests may call it). */
  void probe() {
    String problem = ask();
    State before = state;
    if (problem == null && !before.reachable()) {
      state = new State(true, clock.instant(), "");
      LOG.info("ClickHouse at {} answers again (unreachable since {})", ping, before.since());
    } else if (problem != null && before.reachable()) {
      state = new State(false, clock.instant(), problem);
      LOG.warn("ClickHouse at {} is unreachable: {}", ping, problem);
      try {
        onUnreachable.run();
      } catch (RuntimeException e) {
        LOG.warn("giving up the calls in flight failed: {}", e.toString());
      }
    } else if (problem != null) {
      state = new State(false, before.since(), problem);
    }
  }

  /** Null when ClickHouse answered, else what went wrong. */
  private String ask() {
    int timeout = (int) ClickHouseTimeouts.PROBE.toMillis();
    try {
      HttpURLConnection c = (HttpURLConnection) ping.toURL().openConnection();
      c.setConnectTimeout(timeout);
      c.setReadTimeout(timeout);
      try {
        c.getResponseCode();
        InputStream body = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream();
        try (body) {
          body.readAllBytes();
        }
        return null;
      } finally {
        c.disconnect();
      }
    } catch (SSLException e) {
      return null; // a TLS server answered; trusting it is the driver's business, not the probe's
    } catch (IOException e) {
      return "no answer to GET /ping within " + timeout + " ms (" + e + ")";
    }
  }

  /** {@code jdbc:clickhouse:http://host:port/db?…} (or {@code jdbc:ch:}, or no scheme) → /ping. */
  static URI pingUri(String jdbcUrl) {
    String rest = jdbcUrl;
    for (String prefix : new String[] {"jdbc:clickhouse:", "jdbc:ch:"}) {
      if (rest.startsWith(prefix)) {
        rest = rest.substring(prefix.length());
      }
    }
    if (rest.startsWith("//")) {
      rest = "http:" + rest;
    }
    URI uri = URI.create(rest);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in the ClickHouse URL");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 8443 : 8123;
    return URI.create((https ? "https" : "http") + "://" + uri.getHost() + ":" + port + "/ping");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
