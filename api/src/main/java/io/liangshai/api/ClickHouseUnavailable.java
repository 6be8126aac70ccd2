package io.liangshai.api;

import io.liangshai.warehouse.ClickHouseTimeouts;
import io.liangshai.warehouse.WarehouseUnavailableException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed because ClickHouse is down, hung or restarting is answered 503 with a
 * reason and {@code Retry-After} — an unavailable dependency, never an internal error. The probe
 * logs the outage once; each refused request only at debug level.
 */
final class ClickHouseUnavailable {

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseUnavailable.class);

  static final String MESSAGE =
      "ClickHouse, where the figures are kept, is not answering (down or restarting); retry in a"
          + " few seconds";

  private ClickHouseUnavailable() {}

  /** Answers {@code ctx} with 503 if {@code failure} means ClickHouse is unavailable. */
  static boolean answer(RoutingContext ctx, Throwable failure) {
    if (failure == null || !WarehouseUnavailableException.isUnavailable(failure)) {
      return false;
    }
    LOG.debug(
        "request {} {}: ClickHouse unavailable: {}",
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
