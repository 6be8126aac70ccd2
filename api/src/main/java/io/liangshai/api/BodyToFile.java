package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/**
 * Streams a request body to a file with back-pressure, never holding it in memory, and stops with
 * 413 once it grows past the limit.
 */
final class BodyToFile {

  private BodyToFile() {}

  /** Completes with the number of bytes written, or fails with an {@link ApiException} 413. */
  static Future<Long> write(Vertx vertx, HttpServerRequest request, Path target, long limit) {
    Promise<Long> done = Promise.promise();
    vertx
        .fileSystem()
        .open(target.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
        .onFailure(done::fail)
        .onSuccess(file -> pump(request, file, limit, done));
    return done.future();
  }

  private static void pump(
      HttpServerRequest request, AsyncFile file, long limit, Promise<Long> done) {
    long[] size = {0};
    boolean[] failed = {false};
    request.handler(
        chunk -> {
          if (failed[0]) {
            return;
          }
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
            file.drainHandler(v -> request.resume());
          }
        });
    request.exceptionHandler(
        e -> {
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
