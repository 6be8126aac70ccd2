package io.liangshai.api;

import io.liangshai.metadata.MetadataStoreException;
import io.liangshai.warehouse.ClickHouseTimeouts;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed in the metadata database (PostgreSQL: keys, schemes, bulletin numbers) is
 * answered 503 with a reason and {@code Retry-After}, like an unavailable ClickHouse: the request
 * may be sent again, and no driver exception reaches the client. The details go to the operator's
 * log.
 */
final class MetadataUnavailable {

  private static final Logger LOG = LoggerFactory.getLogger(MetadataUnavailable.class);

  static final String MESSAGE =
      "PostgreSQL, where keys, schemes and bulletin numbers are kept, did not complete the request"
          + " (down, restarting or failing); retry in a few seconds";

  private MetadataUnavailable() {}

  /** Answers {@code ctx} with 503 if {@code failure} came from the metadata database. */
  static boolean answer(RoutingContext ctx, Throwable failure) {
    if (failure == null || !MetadataStoreException.isStoreFailure(failure)) {
      return false;
    }
    LOG.warn(
        "request {} {}: metadata store failed: {}",
        ctx.request().method(),
        ctx.request().path(),
        failure.toString());
    if (!ctx.response().headWritten()) {
      ctx.response()
          .putHeader("Retry-After", Long.toString(ClickHouseTimeouts.RETRY_AFTER.toSeconds()));
    }
    ApiResponses.error(ctx, 503, MESSAGE);
    return true;
  }
}
