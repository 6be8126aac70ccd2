package io.liangshai.clickhouse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.clickhouse.local.testing.ClickHouseExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * Requests to the local front's HTTP interface, as curl or any HTTP client sends them: the one
 * client of the {@code HttpFront*ITCase}s.
 */
final class FrontRequests {

  private final ClickHouseExtension clickhouse;
  private final HttpClient http = HttpClient.newHttpClient();

  FrontRequests(ClickHouseExtension clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** A request to {@code /?rawQuery} without credentials. */
  HttpRequest.Builder anonymous(String rawQuery) {
    return HttpRequest.newBuilder(URI.create(clickhouse.httpUrl() + "/?" + rawQuery));
  }

  /** A request to {@code /?rawQuery} with this start's user and password. */
  HttpRequest.Builder authorized(String rawQuery) {
    return anonymous(rawQuery).header("Authorization", clickhouse.basicAuthorization());
  }

  /** {@code GET /ping}, which needs no password. */
  HttpResponse<String> ping() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(clickhouse.httpUrl() + "/ping")).build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return send(request, BodyHandlers.ofString());
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(request, body);
  }

  /** POSTs {@code body} (UTF-8). */
  HttpResponse<String> send(HttpRequest.Builder request, String body)
      throws IOException, InterruptedException {
    return send(request, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request, byte[] body)
      throws IOException, InterruptedException {
    return send(request.POST(BodyPublishers.ofByteArray(body)).build());
  }

  /** Runs {@code sql} as the authorized user, asserting a 200; the body. */
  String query(String sql) throws Exception {
    HttpResponse<String> response = send(authorized(""), sql);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** Creates {@code name (n UInt32, s String)} in the class's database; its qualified name. */
  String table(String name) throws Exception {
    String table = clickhouse.database() + "." + name;
    query("CREATE TABLE " + table + " (n UInt32, s String) ENGINE = Memory");
    return table;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
