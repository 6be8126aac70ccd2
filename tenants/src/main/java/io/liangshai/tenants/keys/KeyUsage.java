package io.liangshai.tenants.keys;

import io.liangshai.core.concurrent.DaemonThreads;
import io.liangshai.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each key was last used. A request only touches memory; the newest use per key is written to
 * ClickHouse table {@code api_key_usage} every {@link #FLUSH_INTERVAL} and on {@link #close}, so an
 * API instance never writes a row per request.
 */
public final class KeyUsage implements AutoCloseable {

  public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(KeyUsage.class);

  private final Warehouse warehouse;
  private final Clock clock;

  /** Uses not yet written. */
  private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();

  private final ScheduledExecutorService flusher;

  public KeyUsage(Warehouse warehouse, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.flusher = DaemonThreads.scheduler("key-usage-flush");
    long ms = FLUSH_INTERVAL.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Notes that {@code keyId} was used now. */
  public void touch(String keyId) {
    Instant now = clock.instant();
    pending.merge(keyId, now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes the pending uses to ClickHouse; returns how many keys were written. */
  public synchronized int flush() throws SQLException {
    if (pending.isEmpty()) {
      return 0;
    }
    Map<String, Instant> batch = new HashMap<>();
    for (String keyId : pending.keySet()) {
      Instant at = pending.remove(keyId);
      if (at != null) {
        batch.put(keyId, at);
      }
    }
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO api_key_usage (key_id, last_used_at) VALUES (?, ?)")) {
      for (Map.Entry<String, Instant> e : batch.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setTimestamp(2, Timestamp.from(e.getValue()));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      batch.forEach((k, at) -> pending.merge(k, at, (a, b) -> a.isAfter(b) ? a : b));
      throw e;
    }
    return batch.size();
  }

  /** The last use of each of {@code keyIds} that has one, including uses not yet written. */
  public Map<String, Instant> lastUsed(Collection<String> keyIds) throws SQLException {
    Map<String, Instant> last = new HashMap<>();
    if (keyIds.isEmpty()) {
      return last;
    }
    try (Connection c = warehouse.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT key_id, max(last_used_at) FROM api_key_usage WHERE has(?, key_id)"
                    + " GROUP BY key_id")) {
      ps.setArray(1, c.createArrayOf("String", keyIds.toArray(String[]::new)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    }
    for (String keyId : keyIds) {
      Instant mem = pending.get(keyId);
      if (mem != null) {
        last.merge(keyId, mem, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return last;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "key last-use times not written yet, retrying in {}: {}", FLUSH_INTERVAL, e.toString());
    }
  }

  /** Stops the periodic flush and writes what is pending. */
  @Override
  public void close() {
    flusher.shutdownNow();
    flushQuietly();
  }
}
