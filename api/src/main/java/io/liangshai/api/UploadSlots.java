package io.liangshai.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most so many uploads at once ({@code LIANGSHAI_MAX_CONCURRENT_UPLOADS}): past it, 503 with
 * {@code Retry-After} and a reason, before the body is read (the connection is then closed, as
 * {@link ApiResponses#error} does). A slot is held from here until the answer is sent or the
 * connection closes. In {@code /metrics}: {@value #IN_PROGRESS} (slots held now), {@value #LIMIT}
 * and {@value #REFUSED} (uploads answered 503 so far).
 */
final class UploadSlots implements Handler<RoutingContext> {

  static final int RETRY_AFTER_SECONDS = 5;
  static final String IN_PROGRESS = "liangshai_uploads_in_progress";
  static final String LIMIT = "liangshai_uploads_limit";
  static final String REFUSED = "liangshai_uploads_refused";

  private final int max;
  private final AtomicInteger inUse = new AtomicInteger();
  private final Counter refused;

  UploadSlots(int max, MeterRegistry meters) {
    if (max < 1) {
      throw new IllegalArgumentException("concurrent uploads must be at least 1, got " + max);
    }
    this.max = max;
    Gauge.builder(IN_PROGRESS, inUse, AtomicInteger::doubleValue)
        .description("uploads being received or ingested now")
        .register(meters);
    Gauge.builder(LIMIT, () -> max)
        .description("uploads taken at once (LIANGSHAI_MAX_CONCURRENT_UPLOADS)")
        .register(meters);
    this.refused =
        Counter.builder(REFUSED)
            .description("uploads answered 503 because the limit was reached")
            .register(meters);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (inUse.incrementAndGet() > max) {
      inUse.decrementAndGet();
      refused.increment();
      ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      ApiResponses.error(
          ctx,
          503,
          "the platform is taking "
              + max
              + " uploads at once, its limit; nothing of this one was read, send it again after "
              + RETRY_AFTER_SECONDS
              + " s");
      return;
    }
    AtomicBoolean released = new AtomicBoolean();
    ctx.addEndHandler(
        done -> {
          if (released.compareAndSet(false, true)) {
            inUse.decrementAndGet();
          }
        });
    ctx.next();
  }
}
