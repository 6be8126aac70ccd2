package io.liangshai.api;

import io.liangshai.tenants.Principal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per key, as a token bucket in memory: each key may burst up to its minute's
 * allowance, refilled evenly; past that, 429 with {@code Retry-After} (whole seconds until the next
 * token). Per API instance: N instances allow N times the rate. The operator's admin key from the
 * environment is not limited; every tenant key, the province's included, is.
 */
final class RateLimit implements Handler<RoutingContext> {

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final int perMinute;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimit(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  RateLimit(int perMinute, LongSupplier nanoTime) {
    if (perMinute < 1) {
      throw new IllegalArgumentException(
          "requests per minute must be at least 1, got " + perMinute);
    }
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Principal caller = Authentication.principal(ctx);
    if (caller.keyId().equals(Principal.ADMIN_KEY_ID)) {
      ctx.next();
      return;
    }
    long waitNanos = take(caller.keyId());
    if (waitNanos == 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    ApiResponses.error(
        ctx,
        429,
        "key "
            + caller.keyId()
            + " made more than "
            + perMinute
            + " requests in a minute; retry after "
            + seconds
            + " s");
  }

  /** Takes a token for {@code keyId}: 0 when granted, else nanoseconds until one is available. */
  long take(String keyId) {
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(keyId, k -> new Bucket(perMinute, nanoTime.getAsLong()));
    synchronized (bucket) {
      long now = nanoTime.getAsLong();
      double refill = (now - bucket.at) * (double) perMinute / NANOS_PER_MINUTE;
      bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) * NANOS_PER_MINUTE / perMinute);
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
