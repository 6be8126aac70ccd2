package io.liangshai.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The API's blocking work, on worker pools sized for their job, never queued behind another
 * concern's: {@code auth} (key lookups), {@code reads} (figures, drill-down, audit, bulletins),
 * {@code ingest} (parsing and landing uploads, as many threads as uploads are allowed at once) and
 * {@code admin} (keys, schemes, bulletins published). Work is submitted unordered: nothing a
 * request does waits for another request's blocking call.
 *
 * <p>The route table attaches the pools to every request ({@link #attach}); handlers call {@code
 * Blocking.reads(ctx, () -> ...)}.
 */
final class Blocking implements AutoCloseable {

  private static final String KEY = "liangshai.blocking";

  private final WorkerExecutor auth;
  private final WorkerExecutor reads;
  private final WorkerExecutor ingest;
  private final WorkerExecutor admin;

  Blocking(Vertx vertx, int ingestThreads) {
    this.auth = vertx.createSharedWorkerExecutor("liangshai-auth", 4, 30, TimeUnit.SECONDS);
    this.reads = vertx.createSharedWorkerExecutor("liangshai-reads", 8, 120, TimeUnit.SECONDS);
    this.ingest =
        vertx.createSharedWorkerExecutor("liangshai-ingest", ingestThreads, 30, TimeUnit.MINUTES);
    this.admin = vertx.createSharedWorkerExecutor("liangshai-admin", 2, 120, TimeUnit.SECONDS);
  }

  /** The first handler of the route table: makes the pools reachable from {@code ctx}. */
  Handler<RoutingContext> attach() {
    return ctx -> {
      ctx.put(KEY, this);
      ctx.next();
    };
  }

  /** Key lookups. */
  static <T> Future<T> auth(RoutingContext ctx, Callable<T> work) {
    return of(ctx).auth.executeBlocking(work, false);
  }

  /** Queries that read: figures, rankings, drill-down, audit, bulletins, batch status. */
  static <T> Future<T> reads(RoutingContext ctx, Callable<T> work) {
    return of(ctx).reads.executeBlocking(work, false);
  }

  /** Parsing, validating and landing one upload. */
  static <T> Future<T> ingest(RoutingContext ctx, Callable<T> work) {
    return of(ctx).ingest.executeBlocking(work, false);
  }

  /** Writes by administrators: keys, schemes, bulletins published, schedules. */
  static <T> Future<T> admin(RoutingContext ctx, Callable<T> work) {
    return of(ctx).admin.executeBlocking(work, false);
  }

  private static Blocking of(RoutingContext ctx) {
    return Optional.<Blocking>ofNullable(ctx.get(KEY))
        .orElseThrow(() -> new IllegalStateException("the route table did not attach the pools"));
  }

  @Override
  public void close() {
    auth.close();
    reads.close();
    ingest.close();
    admin.close();
  }
}
