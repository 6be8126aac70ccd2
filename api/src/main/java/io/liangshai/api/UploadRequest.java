package io.liangshai.api;

import io.liangshai.ingest.BatchFormat;
import io.liangshai.ingest.TextEncoding;
import io.liangshai.ingest.UnparseableBatchException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an upload's headers say before its body is read (the cases' and the reported values'): its
 * format from the Content-Type (415 for another), the charset it declares, and a declared
 * Content-Length over the limit (413, the body not read).
 */
final class UploadRequest {

  private static final Logger LOG = LoggerFactory.getLogger(UploadRequest.class);

  private UploadRequest() {}

  /** The upload's format; 415 naming the accepted Content-Types for another. */
  static BatchFormat format(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    return BatchFormat.fromContentType(contentType)
        .orElseThrow(
            () ->
                new ApiException(
                    415,
                    "Content-Type "
                        + (contentType == null ? "(none)" : "'" + contentType + "'")
                        + " is not a batch format: use application/json (an array),"
                        + " application/x-ndjson, text/csv or "
                        + BatchFormat.XLSX_CONTENT_TYPE));
  }

  /** The charset the Content-Type declares, if any; 415 for one that is not known. */
  static Optional<Charset> charset(RoutingContext ctx) {
    try {
      return TextEncoding.declared(ctx.request().getHeader("Content-Type"));
    } catch (UnparseableBatchException e) {
      throw new ApiException(415, e.getMessage());
    }
  }

  /** The Content-Length the client declared when it is over {@code limit}; -1 otherwise. */
  static long declaredOver(RoutingContext ctx, long limit) {
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
      return Long.parseLong(length);
    }
    return -1;
  }

  /** Takes an upload's body once it is in its file. */
  @FunctionalInterface
  interface Taker<T> {
    /** Takes {@code file} of {@code size} bytes (off the event loop); owns the file from now. */
    T take(Path file, long size) throws Exception;
  }

  /**
   * Streams the body to a fresh file from {@code newFile} ({@link BodyToFile}, at most {@code
   * limit} bytes; the file deleted when that fails) and hands it to {@code taker} on the upload
   * pool.
   */
  static <T> Future<T> streamed(
      RoutingContext ctx, Callable<Path> newFile, long limit, Taker<T> taker) {
    return Blocking.ingest(ctx, newFile)
        .compose(
            file ->
                BodyToFile.write(ctx, file, limit)
                    .recover(
                        e -> {
                          deleteQuietly(file);
                          return Future.failedFuture(e);
                        })
                    .compose(size -> Blocking.ingest(ctx, () -> taker.take(file, size))));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", file, e.toString());
    }
  }

  /** The 413 of a body over {@code limit}. */
  static ApiException tooLarge(long limit) {
    return new ApiException(413, "request body larger than the limit of " + limit + " bytes");
  }
}
