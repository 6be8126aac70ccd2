package io.liangshai.clickhouse.local.engine;

import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one connection of this process to the embedded ClickHouse engine, over {@code --path}.
 *
 * <p>Not thread-safe: the engine runs one statement at a time per connection, and the caller
 * serialises. {@code USE} and {@code SET} persist on the connection until changed.
 */
public final class ChdbConnection implements AutoCloseable {

  private final Libchdb lib;
  private final Path dataDir;
  private Pointer handle;
  private final Pointer connection;

  private ChdbConnection(Libchdb lib, Path dataDir, Pointer handle) {
    this.lib = lib;
    this.dataDir = dataDir;
    this.handle = handle;
    this.connection = handle.getPointer(0);
  }

  /**
   * Boots the engine over {@code dataDir}.
   *
   * @throws ChdbException when the engine refuses, e.g. because another process holds the data
   *     directory (the engine prints {@code Code: 76 ... Cannot lock file} to stderr)
   */
  public static ChdbConnection open(Libchdb lib, Path dataDir) {
    String[] argv = {"clickhouse", "--path=" + dataDir.toAbsolutePath()};
    Pointer handle = lib.chdb_connect(argv.length, argv);
    if (handle == null || handle.getPointer(0) == null) {
      throw new ChdbException(
          "ClickHouse engine could not open data directory "
              + dataDir.toAbsolutePath()
              + " (see the engine's message above; Code 76 'Cannot lock file' means another"
              + " process, perhaps another liangshai, is using this directory)");
    }
    return new ChdbConnection(lib, dataDir, handle);
  }

  public Path dataDir() {
    return dataDir;
  }

  public ChdbResult query(String sql, String format) {
    return query(sql.getBytes(StandardCharsets.UTF_8), format, Map.of());
  }

  /**
   * Runs {@code sql} (UTF-8 text, possibly with binary bytes) and renders the result in {@code
   * format}, binding {@code params} to {@code {name:Type}} placeholders on the engine side.
   */
  public ChdbResult query(byte[] sql, String format, Map<String, String> params) {
    if (handle == null) {
      throw new IllegalStateException("connection to " + dataDir + " is closed");
    }
    byte[] fmt = format.getBytes(StandardCharsets.US_ASCII);
    Pointer result;
    if (params.isEmpty()) {
      result = lib.chdb_query_n(connection, sql, sql.length, fmt, fmt.length);
    } else {
      String[] names = params.keySet().toArray(String[]::new);
      String[] values = params.values().toArray(String[]::new);
      result =
          lib.chdb_query_with_params_n(
              connection,
              sql,
              sql.length,
              fmt,
              fmt.length,
              new StringArray(names, StandardCharsets.UTF_8.name()),
              utf8Lengths(names),
              new StringArray(values, StandardCharsets.UTF_8.name()),
              utf8Lengths(values),
              names.length);
    }
    if (result == null) {
      throw new ChdbException("ClickHouse engine returned no result");
    }
    return new ChdbResult(lib, result);
  }

  private static long[] utf8Lengths(String[] strings) {
    long[] lengths = new long[strings.length];
    for (int i = 0; i < strings.length; i++) {
      lengths[i] = strings[i].getBytes(StandardCharsets.UTF_8).length;
    }
    return lengths;
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      lib.chdb_close_conn(handle);
      handle = null;
    }
  }
}
