package io.liangshai.clickhouse.local.front;

import io.liangshai.clickhouse.local.engine.ChdbConnection;
import io.liangshai.clickhouse.local.engine.ChdbResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request a fresh session on the engine's single connection, one request at a time
 * (a fair lock: concurrent requests queue in arrival order).
 *
 * <p>libchdb keeps {@code USE} and {@code SET} on its connection. A ClickHouse server without
 * {@code session_id} forgets both after each request, so this class sets the request's database and
 * settings before the statement and puts back the state it found afterwards — including settings
 * changed by a {@code SET} inside the statement itself.
 */
final class SessionlessEngine implements AutoCloseable {

  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int UNKNOWN_SETTING = 115;

  private final ChdbConnection connection;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Map<String, String> baseline;
  private final String timezone;

  SessionlessEngine(ChdbConnection connection) {
    this.connection = connection;
    this.baseline = changedSettings();
    this.timezone = scalar("SELECT timezone()");
  }

  /** The engine's own time zone, reported in {@code X-ClickHouse-Timezone}. */
  String timezone() {
    return timezone;
  }

  /** Runs one request's statement; the caller closes the result. */
  ChdbResult execute(EngineQuery query) {
    for (String name : query.settings().keySet()) {
      if (!SETTING_NAME.matcher(name).matches()) {
        throw new FrontException(UNKNOWN_SETTING, 400, "Unknown setting '" + name + "'");
      }
    }
    lock.lock();
    try {
      String database = query.database().isEmpty() ? "default" : query.database();
      ChdbResult use = connection.query("USE " + identifier(database), "TSV");
      if (use.failed()) {
        return use;
      }
      use.close();
      SessionEffects effects = SessionEffects.of(query.sql());
      try {
        for (Map.Entry<String, String> setting : query.settings().entrySet()) {
          ChdbResult set =
              connection.query(
                  "SET " + setting.getKey() + " = " + literal(setting.getValue()), "TSV");
          if (set.failed()) {
            return set;
          }
          set.close();
        }
        return connection.query(query.sql(), query.format(), query.parameters());
      } finally {
        if (effects.settings()) {
          restoreAllSettings();
        } else {
          query.settings().keySet().forEach(this::restore);
        }
        if (effects.temporaryTables()) {
          dropTemporaryTables();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the running statement, then closes the engine. */
  @Override
  public void close() {
    try {
      if (!lock.tryLock(15, TimeUnit.SECONDS)) {
        System.err.println("a statement is still running; leaving the engine without closing it");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    connection.close();
  }

  private void restoreAllSettings() {
    Map<String, String> now = changedSettings();
    now.forEach(
        (name, value) -> {
          if (!value.equals(baseline.get(name))) {
            restore(name);
          }
        });
    baseline.keySet().stream().filter(name -> !now.containsKey(name)).forEach(this::restore);
  }

  private void dropTemporaryTables() {
    String names = scalar("SELECT name FROM system.tables WHERE is_temporary");
    for (String name : names.split("\n")) {
      if (!name.isEmpty()) {
        String sql = "DROP TEMPORARY TABLE IF EXISTS " + identifier(TsvEscaping.unescape(name));
        connection.query(sql, "TSV").close();
      }
    }
  }

  private void restore(String name) {
    String original = baseline.get(name);
    String sql = "SET " + name + " = " + (original == null ? "DEFAULT" : literal(original));
    try (ChdbResult result = connection.query(sql, "TSV")) {
      if (result.failed()) {
        throw new IllegalStateException("could not reset setting " + name + ": " + result.error());
      }
    }
  }

  private Map<String, String> changedSettings() {
    Map<String, String> settings = new HashMap<>();
    String rows = scalar("SELECT name, value FROM system.settings WHERE changed");
    for (String line : rows.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        settings.put(line.substring(0, tab), TsvEscaping.unescape(line.substring(tab + 1)));
      }
    }
    return settings;
  }

  private String scalar(String sql) {
    try (ChdbResult result = connection.query(sql, "TSV")) {
      if (result.failed()) {
        throw new IllegalStateException(sql + " failed: " + result.error());
      }
      return result.text().strip();
    }
  }

  static String identifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }

  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
