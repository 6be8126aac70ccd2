package io.liangshai.api;

import io.liangshai.tenants.Authenticator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * The API's Prometheus {@code /metrics}: JVM figures, requests by status class, and the key-store
 * queries authentication made. Every meter has a description, so that every metric has its HELP
 * text ({@code promtool check metrics} passes: {@code PrometheusMetricsITCase}).
 */
final class HttpMetrics {

  /** Micrometer's {@code system.cpu.count} as {@code system_cpu_processors}. */
  private static final MeterFilter PROMETHEUS_NAMES =
      new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
          return id.getName().equals("system.cpu.count")
              ? id.withName("system.cpu.processors")
              : id;
        }
      };

  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  HttpMetrics(Authenticator authenticator) {
    // Prometheus' naming rules (promtool check metrics): no abbreviated unit in a name (the JVM's
    // process_cpu_time_ns; process_cpu_usage stays), no "_count" suffix outside histograms.
    meters.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    meters.config().meterFilter(PROMETHEUS_NAMES);
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
            Counter.builder("liangshai_http_requests")
                .description("HTTP requests answered, by the class of the answer's status")
                .tag("status", Integer.toString(ctx.response().getStatusCode() / 100) + "xx")
                .register(meters)
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
