package io.liangshai.clickhouse.local.engine;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One query's outcome. Owns native memory until {@link #close()}; it does not depend on the
 * connection, so the body can be written out after the engine has moved on to the next query.
 */
public final class ChdbResult implements AutoCloseable {

  private static final int CHUNK = 64 * 1024;

  private final Libchdb lib;
  private Pointer handle;
  private final String error;
  private final QueryStatistics statistics;

  ChdbResult(Libchdb lib, Pointer handle) {
    this.lib = lib;
    this.handle = handle;
    Pointer message = lib.chdb_result_error(handle);
    this.error = message == null ? null : message.getString(0, StandardCharsets.UTF_8.name());
    // The counters are garbage on a failed query.
    this.statistics = error == null ? QueryStatistics.of(lib, handle) : QueryStatistics.NONE;
  }

  public boolean failed() {
    return error != null;
  }

  /** The engine's message ({@code Code: 62. DB::Exception: ...}), or null. */
  public String error() {
    return error;
  }

  public QueryStatistics statistics() {
    return statistics;
  }

  public long length() {
    return failed() ? 0 : lib.chdb_result_length(handle);
  }

  public byte[] bytes() {
    long length = length();
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("result of " + length + " bytes does not fit in an array");
    }
    return length == 0 ? new byte[0] : lib.chdb_result_buffer(handle).getByteArray(0, (int) length);
  }

  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Copies the body to {@code out} in chunks, without one large Java array. */
  public void writeTo(OutputStream out) throws IOException {
    long length = length();
    if (length == 0) {
      return;
    }
    Pointer buffer = lib.chdb_result_buffer(handle);
    byte[] chunk = new byte[(int) Math.min(CHUNK, length)];
    for (long offset = 0; offset < length; offset += chunk.length) {
      int n = (int) Math.min(chunk.length, length - offset);
      buffer.read(offset, chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      lib.chdb_destroy_query_result(handle);
      handle = null;
    }
  }
}
