package io.liangshai.clickhouse.local.front;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.liangshai.clickhouse.local.engine.ChdbResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@code /}: runs the request's statement and answers as ClickHouse's HTTP interface does. */
final class QueryHandler implements HttpHandler {

  private static final int SYNTAX_ERROR = 62;

  private final SessionlessEngine engine;
  private final FrontCredentials credentials;
  private final Path spoolDir;
  private final String displayName;
  private final boolean trace;

  QueryHandler(
      SessionlessEngine engine,
      FrontCredentials credentials,
      Path spoolDir,
      String displayName,
      boolean trace) {
    this.engine = engine;
    this.credentials = credentials;
    this.spoolDir = spoolDir;
    this.displayName = displayName;
    this.trace = trace;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String queryId = UUID.randomUUID().toString();
    try {
      RequestParameters params = RequestParameters.parse(exchange.getRequestURI().getRawQuery());
      if (params.queryId() != null && !params.queryId().isEmpty()) {
        queryId = params.queryId();
      }
      if (trace) {
        System.err.println(
            "request " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().entrySet());
      }
      credentials.check(exchange.getRequestHeaders(), params);
      refuseSession(params);
      refuseCompression(params);
      InputStream body =
          HttpCompression.decodeRequest(
              exchange.getRequestHeaders().getFirst("Content-Encoding"), exchange.getRequestBody());
      boolean post = exchange.getRequestMethod().equals("POST");
      try (RequestStatement statement = RequestStatement.read(params.query(), body, spoolDir)) {
        if (statement.isEmpty()) {
          if (!post) {
            respondText(exchange, 200, "Ok.\n");
            return;
          }
          throw new FrontException(SYNTAX_ERROR, 400, "Empty query");
        }
        if (!post || ReadOnlyRequest.requested(params.settings().get("readonly"))) {
          ReadOnlyRequest.check(statement.sql());
        }
        ReadOnlyRequest.refuseSetReadonly(statement.sql());
        run(exchange, params, statement, queryId);
      }
    } catch (FrontException e) {
      respondError(exchange, e.httpStatus(), e.code(), e.getMessage(), queryId);
    } catch (RuntimeException e) {
      respondError(exchange, 500, ExceptionCode.STD_EXCEPTION, e.toString(), queryId);
    } finally {
      exchange.close();
    }
  }

  private void run(
      HttpExchange exchange, RequestParameters params, RequestStatement statement, String queryId)
      throws IOException {
    String format = OutputFormat.of(statement.sql(), requestedFormat(exchange, params));
    traceStatement(statement.sql());
    try (ChdbResult result = engine.execute(engineQuery(exchange, params, statement, format))) {
      if (result.failed()) {
        String message = statement.publicMessage(result.error().strip());
        respondError(exchange, 500, ExceptionCode.parse(message), message, queryId);
      } else {
        respondResult(exchange, result, format, params, queryId);
      }
    }
  }

  private static String requestedFormat(HttpExchange exchange, RequestParameters params) {
    return params.defaultFormat() != null
        ? params.defaultFormat()
        : exchange.getRequestHeaders().getFirst("X-ClickHouse-Format");
  }

  private static EngineQuery engineQuery(
      HttpExchange exchange, RequestParameters params, RequestStatement statement, String format) {
    String database = params.database();
    if (database.isEmpty()) {
      database =
          Objects.requireNonNullElse(
              exchange.getRequestHeaders().getFirst("X-ClickHouse-Database"), "");
    }
    Map<String, String> settings = new LinkedHashMap<>(params.settings());
    settings.remove(SynchronousDrop.WAIT_SETTING);
    settings.remove("readonly"); // the front enforces it: see ReadOnlyRequest
    return new EngineQuery(
        database,
        settings,
        SynchronousDrop.withoutSync(statement.sql()),
        format,
        params.queryParameters());
  }

  private void respondResult(
      HttpExchange exchange,
      ChdbResult result,
      String format,
      RequestParameters params,
      String queryId)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    commonHeaders(headers, queryId, params);
    headers.set("X-ClickHouse-Format", format);
    headers.set("X-ClickHouse-Summary", QuerySummary.json(result.statistics()));
    headers.set("Content-Type", FormatContentType.of(format));
    long length = result.length();
    String encoding =
        length == 0
            ? ""
            : HttpCompression.responseEncoding(
                params.settings().get("enable_http_compression"),
                exchange.getRequestHeaders().getFirst("Accept-Encoding"));
    if (!encoding.isEmpty()) {
      headers.set("Content-Encoding", encoding);
    }
    exchange.sendResponseHeaders(200, length == 0 ? -1 : encoding.isEmpty() ? length : 0);
    if (length > 0) {
      try (OutputStream out =
          HttpCompression.encodeResponse(encoding, exchange.getResponseBody())) {
        result.writeTo(out);
      }
    }
  }

  private void traceStatement(byte[] sql) {
    if (trace) {
      System.err.println(
          "statement ("
              + sql.length
              + " bytes): "
              + new String(sql, 0, Math.min(sql.length, 300), StandardCharsets.UTF_8));
    }
  }

  /** Every request starts afresh here, so a session's {@code SET} or table would be lost. */
  private static void refuseSession(RequestParameters params) {
    String session = params.transport().get("session_id");
    if (session != null && !session.isEmpty()) {
      throw new FrontException(
          ExceptionCode.NOT_IMPLEMENTED,
          501,
          "Code: 48. DB::Exception: Sessions are not supported by this local ClickHouse"
              + " (session_id="
              + session
              + "): every request starts afresh, so a SET, USE or temporary table would be lost"
              + " after it. Send the statements that belong together in one request without"
              + " session_id, or use a ClickHouse server (LIANGSHAI_CLICKHOUSE_URL)."
              + " (NOT_IMPLEMENTED)");
    }
  }

  private static void refuseCompression(RequestParameters params) {
    if (params.compressedResponse() || params.compressedRequest()) {
      throw new FrontException(
          ExceptionCode.NOT_IMPLEMENTED,
          400,
          "This local ClickHouse does not compress or decompress HTTP bodies"
              + " (compress=1/decompress=1): add compress=false to the JDBC URL");
    }
  }

  private void commonHeaders(Headers headers, String queryId, RequestParameters params) {
    headers.set("X-ClickHouse-Query-Id", queryId);
    headers.set("X-ClickHouse-Server-Display-Name", displayName);
    headers.set(
        "X-ClickHouse-Timezone",
        params.settings().getOrDefault("session_timezone", "").isEmpty()
            ? engine.timezone()
            : params.settings().get("session_timezone"));
  }

  private void respondError(
      HttpExchange exchange, int status, int code, String message, String queryId)
      throws IOException {
    if (trace) {
      System.err.println("error " + code + ": " + message);
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("X-ClickHouse-Query-Id", queryId);
    headers.set("X-ClickHouse-Server-Display-Name", displayName);
    headers.set("X-ClickHouse-Exception-Code", Integer.toString(code));
    respondText(exchange, status, message + "\n");
  }

  private static void respondText(HttpExchange exchange, int status, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
