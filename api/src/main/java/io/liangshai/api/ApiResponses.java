package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** JSON answers and JSON errors, the same shape everywhere. */
public final class ApiResponses {

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "bad_request"),
          Map.entry(401, "unauthorized"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "not_found"),
          Map.entry(405, "method_not_allowed"),
          Map.entry(408, "request_timeout"),
          Map.entry(413, "payload_too_large"),
          Map.entry(415, "unsupported_media_type"),
          Map.entry(429, "too_many_requests"),
          Map.entry(500, "internal_error"),
          Map.entry(503, "unavailable"));

  private ApiResponses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  public static void ok(RoutingContext ctx, JsonObject body) {
    json(ctx, 200, body);
  }

  /** {@code {"rows": [...]}}, the shape of every list. */
  public static void rows(RoutingContext ctx, JsonArray rows) {
    json(ctx, 200, new JsonObject().put("rows", rows));
  }

  /**
   * Answers with {@code answer} once {@code result} (blocking work, see {@link Blocking}) succeeds;
   * its failure goes to the route table's failure handler ({@link Failures}).
   */
  static <T> void when(RoutingContext ctx, Future<T> result, Consumer<T> answer) {
    result.onSuccess(answer::accept).onFailure(ctx::fail);
  }

  /** Answers {@code status} with the JSON {@code body} computes, or its failure. */
  static void json(RoutingContext ctx, int status, Future<JsonObject> body) {
    when(ctx, body, json -> json(ctx, status, json));
  }

  /** Answers 200 with the JSON {@code body} computes, or its failure. */
  static void ok(RoutingContext ctx, Future<JsonObject> body) {
    json(ctx, 200, body);
  }

  /** Answers 201 with the JSON of what {@code created} makes, or its failure. */
  static void created(RoutingContext ctx, Future<JsonObject> created) {
    json(ctx, 201, created);
  }

  /** Answers 200 with {@code {"rows": [...]}} of what {@code rows} computes, or its failure. */
  static void rows(RoutingContext ctx, Future<JsonArray> rows) {
    when(ctx, rows, json -> rows(ctx, json));
  }

  /** Answers 200 with the JSON object {@code read} returns, read on the reads pool. */
  static void read(RoutingContext ctx, Callable<JsonObject> read) {
    ok(ctx, Blocking.reads(ctx, read));
  }

  /** {@code {"rows": [...]}} of the values {@code read} returns, read on the reads pool. */
  static void readRows(RoutingContext ctx, Callable<? extends Iterable<?>> read) {
    rows(
        ctx,
        Blocking.reads(
            ctx,
            () -> {
              JsonArray rows = new JsonArray();
              read.call().forEach(rows::add);
              return rows;
            }));
  }

  /**
   * {@code {"status": 403, "error": "forbidden", "message": "..."}}. When the request's body has
   * not been read (refused before it was: 401, 403, 408, 413, 415, 429, 503), the connection is
   * closed after the answer, so that the client does not wait to send a body nobody reads.
   */
  public static void error(RoutingContext ctx, int status, String message) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    HttpServerRequest request = ctx.request();
    boolean unreadBody = hasBody(request) && !request.isEnded();
    if (unreadBody) {
      response.putHeader("Connection", "close");
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(
            new JsonObject()
                .put("status", status)
                .put(
                    "error", REASONS.getOrDefault(status, status >= 500 ? "error" : "client_error"))
                .put("message", message)
                .encode())
        .onComplete(
            done -> {
              if (unreadBody) {
                request.connection().close();
              }
            });
  }

  static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return (length != null && !length.strip().equals("0"))
        || request.getHeader("Transfer-Encoding") != null;
  }
}
