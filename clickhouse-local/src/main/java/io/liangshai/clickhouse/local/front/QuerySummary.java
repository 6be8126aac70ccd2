package io.liangshai.clickhouse.local.front;

import io.liangshai.clickhouse.local.engine.QueryStatistics;

/** The {@code X-ClickHouse-Summary} header, in the shape a ClickHouse server sends it. */
final class QuerySummary {

  private QuerySummary() {}

  static String json(QueryStatistics s) {
    return "{"
        + field("read_rows", s.readRows())
        + ","
        + field("read_bytes", s.readBytes())
        + ","
        + field("written_rows", s.writtenRows())
        + ","
        + field("written_bytes", s.writtenBytes())
        + ","
        + field("total_rows_to_read", s.readRows())
        + ","
        + field("result_rows", s.resultRows())
        + ","
        + field("result_bytes", s.resultBytes())
        + ","
        + field("elapsed_ns", Math.round(s.elapsedSeconds() * 1e9))
        + "}";
  }

  private static String field(String name, long value) {
    return "\"" + name + "\":\"" + value + "\"";
  }
}
