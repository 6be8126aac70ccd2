package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Streams a request body to a file with back-pressure, never holding it in memory; stops with 413
 * once it grows past the limit, and with 408 when no byte arrives for the stall limit ({@link
 * BodyStall}), which also ends a body whose client went away without a word.
 */
final class BodyToFile {

  private BodyToFile() {}

  /**
   * Completes with the number of bytes written, or fails with an {@link ApiException} (413, 408,
   * 400); the caller deletes {@code target} on failure.
   */
  static Future<Long> write(RoutingContext ctx, Path target, long limit) {
    Vertx vertx = ctx.vertx();
    int stallSeconds = BodyStall.takeOver(ctx);
    Promise<Long> done = Promise.promise();
    vertx
        .fileSystem()
        .open(target.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
        .onFailure(done::fail)
        .onSuccess(file -> pump(vertx, ctx.request(), file, limit, stallSeconds, done));
    return done.future();
  }

  private static void pump(
      Vertx vertx,
      HttpServerRequest request,
      AsyncFile file,
      long limit,
      int stallSeconds,
      Promise<Long> done) {
    long[] size = {0};
    boolean[] failed = {false};
    boolean[] paused = {false};
    long[] lastChunk = {System.nanoTime()};
    long stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
    long watch =
        vertx.setPeriodic(
            Math.min(1000, stallSeconds * 250L),
            id -> {
              if (done.future().isComplete()) {
                vertx.cancelTimer(id);
              } else if (!failed[0]
                  && !paused[0]
                  && System.nanoTime() - lastChunk[0] >= stallNanos) {
                failed[0] = true;
                file.close();
                done.tryFail(new ApiException(408, BodyStall.message(stallSeconds, size[0])));
              }
            });
    done.future().onComplete(r -> vertx.cancelTimer(watch));
    request.handler(
        chunk -> {
          if (failed[0]) {
            return;
          }
          lastChunk[0] = System.nanoTime();
          size[0] += chunk.length();
          if (size[0] > limit) {
            failed[0] = true;
            file.close();
            done.tryFail(
                new ApiException(413, "request body larger than the limit of " + limit + " bytes"));
            return;
          }
          file.write(chunk);
          if (file.writeQueueFull()) {
            request.pause();
            paused[0] = true; // our own wait for the disk is not the client's stall
            file.drainHandler(
                v -> {
                  paused[0] = false;
                  lastChunk[0] = System.nanoTime();
                  request.resume();
                });
          }
        });
    request.exceptionHandler(
        e -> {
          if (failed[0]) {
            return;
          }
          failed[0] = true;
          file.close();
          done.tryFail(new ApiException(400, "the request body was cut off: " + e.getMessage()));
        });
    request.endHandler(
        v -> {
          if (failed[0]) {
            return;
          }
          file.flush()
              .compose(x -> file.close())
              .onSuccess(x -> done.tryComplete(size[0]))
              .onFailure(done::tryFail);
        });
    request.resume();
  }
}
