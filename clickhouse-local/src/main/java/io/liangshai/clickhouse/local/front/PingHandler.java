package io.liangshai.clickhouse.local.front;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /ping}: "Ok.", as ClickHouse answers a health check. */
final class PingHandler implements HttpHandler {

  private static final byte[] OK = "Ok.\n".getBytes(StandardCharsets.UTF_8);

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, OK.length);
      exchange.getResponseBody().write(OK);
    }
  }
}
