package io.liangshai.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure handler of the route table: an {@link ApiException} or a Vert.x refusal is answered
 * with its 4xx, a failed metadata store or an unavailable ClickHouse with 503 ({@link
 * Unavailable}), anything else (a failed statement, a bug) with 500 and the details in the
 * operator's log.
 */
final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private Failures() {}

  static void answer(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof ApiException e) {
      e.retryAfter()
          .ifPresent(d -> ctx.response().putHeader("Retry-After", Long.toString(d.toSeconds())));
      ApiResponses.error(ctx, e.status(), e.getMessage());
      return;
    }
    if (t instanceof JsonBodies.InvalidField e) {
      JsonBodies.reject(ctx, e);
      return;
    }
    if (t instanceof HttpException e && e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
      // Vert.x's own refusals (e.g. a query string that does not decode): the client's mistake.
      ApiResponses.error(ctx, e.getStatusCode(), defaultMessage(e.getStatusCode()));
      return;
    }
    if (Unavailable.METADATA.answer(ctx, t) || Unavailable.CLICKHOUSE.answer(ctx, t)) {
      return;
    }
    int status = ctx.statusCode();
    if (t == null && status >= 400 && status < 500) {
      ApiResponses.error(ctx, status, defaultMessage(status));
      return;
    }
    LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), t);
    ApiResponses.error(ctx, 500, "internal error; the operator's log has the details");
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 404 -> "no such resource";
      case 400 -> "the request could not be read (its query string or path is not valid)";
      case 405 -> "method not allowed";
      case 408 -> "the request did not arrive in time";
      case 413 -> "request body too large";
      default -> "request rejected";
    };
  }
}
