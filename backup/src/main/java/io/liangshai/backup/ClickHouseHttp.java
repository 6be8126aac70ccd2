package io.liangshai.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ClickHouse's HTTP interface, named by the platform's JDBC URL: a table streamed out and back in
 * {@code Native}, the engine's own column format, so {@code DateTime64}, {@code Decimal}, {@code
 * Nullable}, {@code Array} and {@code LowCardinality} values come back bit for bit (the JDBC driver
 * would convert each value through Java types). The local ClickHouse's front answers these as a
 * server does: a {@code SELECT ... FORMAT Native} as the engine wrote it, an {@code INSERT ...
 * FORMAT Native} body spooled to a file and read by the engine ({@code clickhouse-local/README}).
 */
final class ClickHouseHttp {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String database;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ClickHouseHttp(URI base, String database, String user, String password) {
    this.base = base;
    this.database = database;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code jdbc:clickhouse:http://host:port/db?user=…&password=…} (or {@code jdbc:ch:}). */
  static ClickHouseHttp of(String jdbcUrl) {
    String rest = jdbcUrl.replaceFirst("^jdbc:(clickhouse|ch):", "");
    if (rest.startsWith("//")) {
      rest = "http:" + rest;
    }
    URI uri = URI.create(rest);
    if (uri.getHost() == null) {
      throw new BackupException(
          "the ClickHouse URL names no host; expected jdbc:clickhouse:http://HOST:PORT/DATABASE");
    }
    Map<String, String> params = parameters(uri.getRawQuery());
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 8443 : 8123;
    return new ClickHouseHttp(
        URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/"),
        path.isEmpty() ? "default" : path,
        params.getOrDefault("user", "default"),
        params.getOrDefault("password", ""));
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  String database() {
    return database;
  }

  /** {@code name} quoted as an identifier; only plain names (the platform's tables) pass. */
  static String quoted(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new BackupException("table name " + name + " is not a plain identifier");
    }
    return "`" + name + "`";
  }

  /** The answer to {@code sql} in TabSeparated, one string per line. */
  List<String> lines(String sql) {
    HttpResponse<InputStream> response =
        send(uri(Map.of()), HttpRequest.BodyPublishers.ofString(sql + " FORMAT TabSeparated"));
    try (InputStream in = response.body()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : text.lines().toList();
    } catch (IOException e) {
      throw new BackupException("reading ClickHouse's answer to " + sql + " failed", e);
    }
  }

  /** Every row of {@code table} in Native into {@code out}; the number of rows. */
  long export(String table, OutputStream out) throws IOException {
    String sql = "SELECT * FROM " + quoted(table) + " FORMAT Native";
    HttpResponse<InputStream> response =
        send(uri(Map.of("wait_end_of_query", "1")), HttpRequest.BodyPublishers.ofString(sql));
    try (InputStream in = response.body()) {
      in.transferTo(out);
    }
    return summary(response, "result_rows", table);
  }

  /** Inserts the Native rows of {@code file} into {@code table}; the number of rows written. */
  long importInto(String table, Path file) throws IOException {
    String sql = "INSERT INTO " + quoted(table) + " FORMAT Native";
    HttpResponse<InputStream> response =
        send(
            uri(Map.of("query", sql, "wait_end_of_query", "1")),
            HttpRequest.BodyPublishers.ofFile(file));
    response.body().close();
    return summary(response, "written_rows", table);
  }

  private static long summary(HttpResponse<?> response, String field, String table) {
    String header =
        response
            .headers()
            .firstValue("X-ClickHouse-Summary")
            .orElseThrow(
                () -> new BackupException("ClickHouse sent no X-ClickHouse-Summary for " + table));
    try {
      JsonNode value = JSON.readTree(header).get(field);
      return Long.parseLong(value.asText());
    } catch (IOException | RuntimeException e) {
      throw new BackupException(
          "ClickHouse's X-ClickHouse-Summary for " + table + " has no " + field + ": " + header);
    }
  }

  private URI uri(Map<String, String> extra) {
    StringBuilder query =
        new StringBuilder("database=").append(URLEncoder.encode(database, StandardCharsets.UTF_8));
    extra.forEach(
        (k, v) ->
            query
                .append('&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return base.resolve("/?" + query);
  }

  private HttpResponse<InputStream> send(URI uri, HttpRequest.BodyPublisher body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", authorization).POST(body).build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        String message;
        try (InputStream in = response.body()) {
          message = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        throw new BackupException(
            "ClickHouse at " + base + " answered " + response.statusCode() + ": " + message);
      }
      return response;
    } catch (IOException e) {
      throw new BackupException("ClickHouse at " + base + " cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException("interrupted while talking to ClickHouse at " + base, e);
    }
  }
}
