package io.liangshai.clickhouse.local.front;

import io.liangshai.clickhouse.local.engine.QueryStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code X-ClickHouse-Summary} header, in the shape a ClickHouse server sends it. */
final class QuerySummary {

  private QuerySummary() {}

  /** A JSON object of the summary's fields in the server's order, each number as a string. */
  static String json(QueryStatistics s) {
    return fields(s).entrySet().stream()
        .map(f -> "\"" + f.getKey() + "\":\"" + f.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static Map<String, Long> fields(QueryStatistics s) {
    Map<String, Long> fields = new LinkedHashMap<>();
    fields.put("read_rows", s.readRows());
    fields.put("read_bytes", s.readBytes());
    fields.put("written_rows", s.writtenRows());
    fields.put("written_bytes", s.writtenBytes());
    fields.put("total_rows_to_read", s.readRows());
    fields.put("result_rows", s.resultRows());
    fields.put("result_bytes", s.resultBytes());
    fields.put("elapsed_ns", Math.round(s.elapsedSeconds() * 1e9));
    return fields;
  }
}
