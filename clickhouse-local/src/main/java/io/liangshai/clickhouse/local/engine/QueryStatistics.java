package io.liangshai.clickhouse.local.engine;

import com.sun.jna.Pointer;

/**
 * What the engine reports about a finished query, in the terms of ClickHouse's {@code
 * X-ClickHouse-Summary}: {@code readRows} are rows read from storage, {@code resultRows} rows in
 * the result.
 */
public record QueryStatistics(
    long readRows,
    long readBytes,
    long writtenRows,
    long writtenBytes,
    long resultRows,
    long resultBytes,
    double elapsedSeconds) {

  public static final QueryStatistics NONE = new QueryStatistics(0, 0, 0, 0, 0, 0, 0);

  static QueryStatistics of(Libchdb lib, Pointer result) {
    return new QueryStatistics(
        lib.chdb_result_storage_rows_read(result),
        lib.chdb_result_storage_bytes_read(result),
        lib.chdb_result_rows_written(result),
        lib.chdb_result_bytes_written(result),
        lib.chdb_result_rows_read(result),
        lib.chdb_result_bytes_read(result),
        lib.chdb_result_elapsed(result));
  }
}
