package io.liangshai.api;

import io.liangshai.tenants.Authenticator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * The API's Prometheus {@code /metrics}: JVM figures, requests by status class, and the key-store
 * queries authentication made.
 */
final class HttpMetrics {

  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  HttpMetrics(Authenticator authenticator) {
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    FunctionCounter.builder("liangshai_auth_key_lookups", authenticator, Authenticator::lookups)
        .description("key-store queries made to authenticate (cache misses)")
        .register(meters);
  }

  /** Counts each request by the class of its answer's status (2xx, 4xx, ...). */
  void countRequests(RoutingContext ctx) {
    ctx.addEndHandler(
        v ->
            meters
                .counter(
                    "liangshai_http_requests",
                    "status",
                    Integer.toString(ctx.response().getStatusCode() / 100) + "xx")
                .increment());
    ctx.next();
  }

  /** {@code GET /metrics}. */
  void scrape(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(meters.scrape());
  }

  /** The registry behind {@code /metrics}, for other gauges of the API. */
  io.micrometer.core.instrument.MeterRegistry registry() {
    return meters;
  }
}
