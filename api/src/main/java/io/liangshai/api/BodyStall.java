package io.liangshai.api;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that sends no byte for so long ({@code LIANGSHAI_BODY_STALL_SECONDS}) is answered
 * 408 and its connection closed, which fails the handler reading it (an upload then deletes its
 * incoming file): a client that stops half-way cannot hold an upload slot or a connection.
 */
final class BodyStall implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(BodyStall.class);

  private final long stallNanos;
  private final long checkMillis;
  private final int stallSeconds;

  BodyStall(int stallSeconds) {
    if (stallSeconds < 1) {
      throw new IllegalArgumentException(
          "the body stall must be at least 1 s, got " + stallSeconds);
    }
    this.stallSeconds = stallSeconds;
    this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
    this.checkMillis = Math.min(1000, stallSeconds * 250L);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || !ApiResponses.hasBody(request)) {
      ctx.next();
      return;
    }
    Vertx vertx = ctx.vertx();
    long[] seen = {request.bytesRead(), System.nanoTime()};
    long timer =
        vertx.setPeriodic(
            checkMillis,
            id -> {
              if (request.isEnded() || ctx.response().ended()) {
                vertx.cancelTimer(id);
                return;
              }
              long now = System.nanoTime();
              if (request.bytesRead() != seen[0]) {
                seen[0] = request.bytesRead();
                seen[1] = now;
              } else if (now - seen[1] >= stallNanos) {
                vertx.cancelTimer(id);
                LOG.info(
                    "{} {}: no body byte for {} s after {} bytes; cancelled",
                    request.method(),
                    request.path(),
                    stallSeconds,
                    seen[0]);
                ApiResponses.error(
                    ctx,
                    408,
                    "no byte of the request body arrived for "
                        + stallSeconds
                        + " s (after "
                        + seen[0]
                        + " bytes); nothing of it was kept, send it again");
              }
            });
    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    ctx.next();
  }
}
