package io.liangshai.clickhouse.local.front;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The URL parameters of one HTTP request, sorted the way ClickHouse's HTTP interface sorts them:
 * front parameters ({@code query}, {@code database}, {@code default_format}, {@code query_id}),
 * query parameters ({@code param_NAME}), parameters that only mean something to a real server's
 * session or transport ({@link #transport()}: never settings), and everything else, which is a
 * setting.
 */
record RequestParameters(
    String query,
    String database,
    String defaultFormat,
    String queryId,
    Map<String, String> settings,
    Map<String, String> queryParameters,
    boolean compressedResponse,
    boolean compressedRequest,
    Map<String, String> transport) {

  private static final String PARAM_PREFIX = "param_";

  /** Transport, authentication and session parameters: never passed to the engine. */
  private static final Set<String> TRANSPORT =
      Set.of(
          "user",
          "password",
          "quota_key",
          "session_id",
          "session_timeout",
          "session_check",
          "buffer_size",
          "wait_end_of_query",
          "client_protocol_version",
          "role",
          "stacktrace",
          "http_native_compression_disable_checksumming_on_decompress");

  static RequestParameters parse(String rawQuery) {
    Map<String, String> all = decode(rawQuery);
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> transport = new LinkedHashMap<>();
    all.forEach(
        (name, value) -> {
          if (name.startsWith(PARAM_PREFIX) && name.length() > PARAM_PREFIX.length()) {
            params.put(name.substring(PARAM_PREFIX.length()), value);
          } else if (TRANSPORT.contains(name)) {
            transport.put(name, value);
          } else if (!isFrontParameter(name)) {
            settings.put(name, value);
          }
        });
    return new RequestParameters(
        all.get("query"),
        all.getOrDefault("database", ""),
        all.get("default_format"),
        all.get("query_id"),
        settings,
        params,
        isTrue(all.get("compress")),
        isTrue(all.get("decompress")),
        transport);
  }

  private static boolean isFrontParameter(String name) {
    return switch (name) {
      case "query", "database", "default_format", "query_id", "compress", "decompress" -> true;
      default -> false;
    };
  }

  private static boolean isTrue(String value) {
    return value != null && !value.isEmpty() && !value.equals("0") && !value.equals("false");
  }

  private static Map<String, String> decode(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }
}
