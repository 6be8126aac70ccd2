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
 * 408 and its connection closed: a client that stops half-way cannot hold a connection, nor an
 * upload slot. A handler that streams the body itself ({@link BodyToFile}) {@link #takeOver takes
 * over} the watch, so that it can delete what it wrote before the 408.
 */
final class BodyStall implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(BodyStall.class);
  private static final String KEY = "liangshai.bodyStall";

  /** Without this handler in front (tests of a bare route): the default. */
  private static final int DEFAULT_SECONDS = 30;

  private static final class Watch {
    final int seconds;
    boolean takenOver;

    Watch(int seconds) {
      this.seconds = seconds;
    }
  }

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

  /** The stall limit in seconds, from now on watched by the caller, not by this handler. */
  static int takeOver(RoutingContext ctx) {
    Watch watch = ctx.get(KEY);
    if (watch == null) {
      return DEFAULT_SECONDS;
    }
    watch.takenOver = true;
    return watch.seconds;
  }

  /** The 408's message. */
  static String message(int seconds, long bytes) {
    return "no byte of the request body arrived for "
        + seconds
        + " s (after "
        + bytes
        + " bytes); nothing of it was kept, send it again";
  }

  @Override
  public void handle(RoutingContext ctx) {
    Watch watch = new Watch(stallSeconds);
    ctx.put(KEY, watch);
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
              if (watch.takenOver || request.isEnded() || ctx.response().ended()) {
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
                ApiResponses.error(ctx, 408, message(stallSeconds, seen[0]));
              }
            });
    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    ctx.next();
  }
}
