package io.liangshai.clickhouse.local.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JNA binding of the C API of libchdb 26.5 ({@code chdb.h}), checked against {@code nm -D
 * libchdb.so}. Only the calls this module needs are declared. {@code size_t} and {@code uint64_t}
 * are Java {@code long}: the library is only published for 64-bit Linux.
 *
 * <p>A JVM that loads this library must be started with {@code
 * LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}: libchdb installs its own crash-signal handlers, and
 * without signal chaining a {@code StackOverflowError} hangs the JVM.
 */
public interface Libchdb extends Library {

  /** Returns a {@code chdb_connection *} (a pointer to the connection handle), or null. */
  Pointer chdb_connect(int argc, String[] argv);

  /** Takes the {@code chdb_connection *} that {@link #chdb_connect} returned. */
  void chdb_close_conn(Pointer connectionHandle);

  Pointer chdb_query_n(
      Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

  /** Binds {@code {name:Type}} placeholders; values are text in TSV-escaped form. */
  Pointer chdb_query_with_params_n(
      Pointer connection,
      byte[] query,
      long queryLength,
      byte[] format,
      long formatLength,
      StringArray names,
      long[] nameLengths,
      StringArray values,
      long[] valueLengths,
      long count);

  Pointer chdb_result_buffer(Pointer result);

  long chdb_result_length(Pointer result);

  double chdb_result_elapsed(Pointer result);

  /** Rows in the result set. */
  long chdb_result_rows_read(Pointer result);

  /** Bytes of the result set. */
  long chdb_result_bytes_read(Pointer result);

  long chdb_result_storage_rows_read(Pointer result);

  long chdb_result_storage_bytes_read(Pointer result);

  long chdb_result_rows_written(Pointer result);

  long chdb_result_bytes_written(Pointer result);

  /** A NUL-terminated message, or null when the query succeeded. */
  Pointer chdb_result_error(Pointer result);

  void chdb_destroy_query_result(Pointer result);

  /** Loads the library from an absolute path. */
  static Libchdb load(Path libraryFile) {
    if (!Files.isRegularFile(libraryFile)) {
      throw new IllegalArgumentException("libchdb not found: " + libraryFile);
    }
    return Native.load(libraryFile.toAbsolutePath().toString(), Libchdb.class);
  }
}
