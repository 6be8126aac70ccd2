package io.liangshai.api;

import io.liangshai.metadata.MetadataStoreException;
import io.liangshai.warehouse.ClickHouseTimeouts;
import io.liangshai.warehouse.WarehouseUnavailableException;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed because a database it needs did not answer is answered 503 with a reason
 * and {@code Retry-After} — an unavailable dependency, never an internal error, never the driver's
 * exception: {@link #CLICKHOUSE} down, hung or restarting (its probe logs the outage once, each
 * refused request only at debug level), or the {@link #METADATA} database, PostgreSQL, failing
 * (each failure logged with its cause, which the client never sees).
 */
final class Unavailable {

  private static final Logger LOG = LoggerFactory.getLogger(Unavailable.class);

  static final Unavailable CLICKHOUSE =
      new Unavailable(
          "ClickHouse unavailable",
          WarehouseUnavailableException::isUnavailable,
          false,
          "ClickHouse, where the figures are kept, is not answering (down or restarting); retry in"
              + " a few seconds");

  static final Unavailable METADATA =
      new Unavailable(
          "metadata store failed",
          MetadataStoreException::isStoreFailure,
          true,
          "PostgreSQL, where keys, schemes and bulletin numbers are kept, did not complete the"
              + " request (down, restarting or failing); retry in a few seconds");

  private final String what;
  private final Predicate<Throwable> recognises;
  private final boolean logEach;
  private final String message;

  private Unavailable(
      String what, Predicate<Throwable> recognises, boolean logEach, String message) {
    this.what = what;
    this.recognises = recognises;
    this.logEach = logEach;
    this.message = message;
  }

  /** Answers {@code ctx} with 503 if {@code failure} means this dependency is unavailable. */
  boolean answer(RoutingContext ctx, Throwable failure) {
    if (failure == null || !recognises.test(failure)) {
      return false;
    }
    String method = ctx.request().method().name();
    if (logEach) {
      LOG.warn("request {} {}: {}: {}", method, ctx.request().path(), what, failure.toString());
    } else {
      LOG.debug("request {} {}: {}: {}", method, ctx.request().path(), what, failure.toString());
    }
    if (!ctx.response().headWritten()) {
      ctx.response()
          .putHeader("Retry-After", Long.toString(ClickHouseTimeouts.RETRY_AFTER.toSeconds()));
    }
    ApiResponses.error(ctx, 503, message);
    return true;
  }
}
