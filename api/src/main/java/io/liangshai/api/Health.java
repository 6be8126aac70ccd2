package io.liangshai.api;

import io.liangshai.ingest.LandingZone;
import io.liangshai.log.LogProbe;
import io.liangshai.warehouse.ClickHouseProbe;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: which part is down, answered on the event loop without waiting on any of
 * them — {@code {"status": "ok|degraded", "clickhouse": "ok|unreachable", "job": "running|
 * restarting|…", "ingest": "ok|unwritable", "records_log": "ok|unreachable"}}, 200 when every part
 * is fine, else 503. ClickHouse and the records log (Kafka) are what their background probes last
 * found; the job's state is asked with a one-second limit ({@code unknown} past it) and left out
 * when this API runs without a job, the records log when it was not attached.
 */
final class Health {

  static final long JOB_STATE_TIMEOUT_MS = 1000;

  private final ClickHouseProbe clickhouse;
  private final LandingZone landing;
  private final AtomicReference<Supplier<CompletionStage<String>>> job = new AtomicReference<>();
  private final AtomicReference<Supplier<LogProbe.State>> log = new AtomicReference<>();

  Health(ClickHouseProbe clickhouse, LandingZone landing) {
    this.clickhouse = Objects.requireNonNull(clickhouse, "clickhouse");
    this.landing = Objects.requireNonNull(landing, "landing");
  }

  void attachJob(Supplier<CompletionStage<String>> jobState) {
    job.set(Objects.requireNonNull(jobState, "jobState"));
  }

  void attachRecordsLog(Supplier<LogProbe.State> logState) {
    log.set(Objects.requireNonNull(logState, "logState"));
  }

  void handle(RoutingContext ctx) {
    jobState(ctx)
        .onComplete(
            state -> {
              ClickHouseProbe.State clickHouse = clickhouse.state();
              boolean ingestOk = Files.isWritable(landing.recordsDir());
              String jobState = state.result();
              Supplier<LogProbe.State> logSource = log.get();
              LogProbe.State logState = logSource == null ? null : logSource.get();
              boolean ok =
                  clickHouse.reachable()
                      && ingestOk
                      && (jobState == null || jobState.equals("running"))
                      && (logState == null || logState.reachable());
              JsonObject body =
                  new JsonObject()
                      .put("status", ok ? "ok" : "degraded")
                      .put("clickhouse", clickHouse.reachable() ? "ok" : "unreachable");
              if (!clickHouse.reachable()) {
                body.put("clickhouse_since", clickHouse.since().toString());
              }
              if (jobState != null) {
                body.put("job", jobState);
              }
              body.put("ingest", ingestOk ? "ok" : "unwritable");
              if (logState != null) {
                body.put("records_log", logState.reachable() ? "ok" : "unreachable");
                if (!logState.reachable()) {
                  body.put("records_log_since", logState.since().toString());
                }
              }
              ApiResponses.json(ctx, ok ? 200 : 503, body);
            });
  }

  /** The job's state, "unknown" when it does not come in time, null without a job. */
  private Future<String> jobState(RoutingContext ctx) {
    Supplier<CompletionStage<String>> source = job.get();
    if (source == null) {
      return Future.succeededFuture(null);
    }
    CompletionStage<String> stage;
    try {
      stage = source.get();
    } catch (RuntimeException e) {
      return Future.succeededFuture("unknown");
    }
    return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext())
        .timeout(JOB_STATE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .otherwise("unknown");
  }
}
