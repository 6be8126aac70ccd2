package io.liangshai.api;

import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.governance.SignoffRules;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.ingest.RefusalJournal;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of liangshai: {@code /api/v1}, {@code /healthz}, {@code /metrics} and the web page.
 * Routes read as a table; each handler is small and lives with its resource. The server assembles
 * routes over the {@link ApiServices} it is given and serves them; it builds no service. The route
 * classes hold the services they use as given: {@link ApiServices} has checked each of them once.
 */
public final class ApiServer {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final long SMALL_BODY_LIMIT = 64 * 1024;

  /** Default upload limit (64 MiB): larger bodies get 413. */
  public static final long DEFAULT_BATCH_LIMIT = 64L * 1024 * 1024;

  /** How often {@code liangshai_quarantined_records} is read from ClickHouse. */
  static final Duration QUARANTINE_REFRESH = Duration.ofSeconds(10);

  /** How often {@code liangshai_open_cases} is counted in ClickHouse. */
  static final Duration WARNINGS_REFRESH = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final ApiServices services;
  private final LiangshaiConfig.Limits limits;
  private final Audit audit;
  private final HttpMetrics httpMetrics;
  private final QuarantineGauge quarantineGauge;
  private final DeadlineClock deadlines = new DeadlineClock(WorkingDayCalendar.china());
  private final WarningGauge warningGauge;
  private final QualityFlagGauge flagGauge;
  private final Health health;
  private final AtomicReference<BulletinScheduler> scheduler = new AtomicReference<>();
  private final Blocking blocking;
  private final IdleConnections idle;
  private final UploadSlots uploadSlots;
  private HttpServer server;

  /**
   * The API over {@code services} (built and closed by the composition root), within {@code
   * limits}. The server owns only what serves HTTP: its worker pools, connection and upload limits
   * and its own metrics.
   */
  public ApiServer(Vertx vertx, ApiServices services, LiangshaiConfig.Limits limits) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.services = Objects.requireNonNull(services, "services");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.audit = new Audit(services.auditLog());
    this.blocking = new Blocking(vertx, limits.maxConcurrentUploads());
    this.idle = new IdleConnections(vertx, limits.idleTimeoutSeconds());
    this.httpMetrics = new HttpMetrics(services.authenticator());
    this.uploadSlots = new UploadSlots(limits.maxConcurrentUploads(), httpMetrics.registry());
    this.quarantineGauge = new QuarantineGauge(services.quarantine(), httpMetrics.registry());
    this.warningGauge =
        new WarningGauge(services.warnings(), deadlines, services.clock(), httpMetrics.registry());
    this.health = new Health(services.clickhouse(), services.intake().landing());
    this.flagGauge =
        new QualityFlagGauge(
            services.governance(), services.registry(), services.clock(), httpMetrics.registry());
  }

  public Router router() {
    Router router = Router.router(vertx);
    ApiServices s = services;
    TenantRoutes tenants = new TenantRoutes(s.registry());
    CaseRoutes cases =
        new CaseRoutes(
            s.intake(),
            s.processedBatches(),
            s.quarantine(),
            new RefusalJournal(s.intake().landing(), s.clock()),
            limits.maxBodyBytes());
    KeyRoutes keyRoutes =
        new KeyRoutes(s.registry(), s.keys(), s.keyUsage(), s.authenticator(), audit);
    AuditRoutes auditRoutes = new AuditRoutes(s.registry(), s.auditLog());
    MetricsRoutes metrics =
        new MetricsRoutes(
            s.registry(),
            s.metrics(),
            s.indicatorColumns(),
            s.clock(),
            new MetricsBreakdownRoutes(s.registry(), s.breakdowns(), s.clock()));
    IndicatorRoutes indicatorRoutes = new IndicatorRoutes(s.indicators(), audit);
    IndicatorValueRoutes indicatorValues =
        new IndicatorValueRoutes(s.indicatorValues(), audit, limits.maxBodyBytes());
    SchemeCodes schemeCodes = new SchemeCodes(s.indicators());
    RankingRoutes rankings =
        new RankingRoutes(
            s.registry(), s.schemes(), s.leagueTables(), schemeCodes, new AnswerCache());
    SchemeRoutes schemeRoutes = new SchemeRoutes(s.schemes(), audit, schemeCodes);
    DrillDownRoutes drillDown =
        new DrillDownRoutes(s.registry(), s.caseFacts(), s.batches(), s.clock());
    BulletinRoutes bulletinRoutes = new BulletinRoutes(s.bulletins(), s.bulletinStore());
    BulletinScheduleRoutes schedules = new BulletinScheduleRoutes(scheduler, audit);
    QuarantineRoutes quarantined = new QuarantineRoutes(s.registry(), s.quarantine());
    WarningRoutes warnings =
        new WarningRoutes(s.registry(), s.warnings(), s.riskModel(), deadlines, s.clock());
    GovernanceRoutes governance = new GovernanceRoutes(s.registry(), s.governance());
    SignoffRoutes signoffs =
        new SignoffRoutes(
            s.registry(),
            s.governance(),
            s.metrics(),
            s.signoffs(),
            new SignoffRules(WorkingDayCalendar.china()),
            audit,
            s.clock(),
            this::signedOff);
    CommonProblemRoutes commonProblems = new CommonProblemRoutes(s.registry(), s.commonProblems());
    Authentication auth = new Authentication(s.authenticator(), limits.requestsPerMinute());
    // One handler for every small JSON body; uploads stream to a file instead (CaseRoutes).
    BodyHandler smallBody = BodyHandler.create(false).setBodyLimit(SMALL_BODY_LIMIT);

    router.route().handler(httpMetrics::countRequests);
    router.route().handler(idle);
    router.route().handler(blocking.attach());
    router.route().handler(Params::checkQueryString);
    router.get("/healthz").handler(this::health);
    router.get("/metrics").handler(httpMetrics::scrape);
    router.get("/api/v1/openapi.yaml").handler(this::openapi);
    router.get("/vocabulary.json").handler(TemplateRoutes::vocabulary);

    router.route("/api/v1/*").handler(auth);
    router.route("/api/v1/*").handler(new BodyStall(limits.bodyStallSeconds()));
    router.get("/api/v1/me").handler(tenants::me);
    router.get("/api/v1/tenants").handler(tenants::list);
    router.get("/api/v1/tenants/:code/keys").handler(keyRoutes::list);
    router.post("/api/v1/tenants/:code/keys").handler(smallBody).handler(keyRoutes::issue);
    router.post("/api/v1/keys/:key_id/revoke").handler(smallBody).handler(keyRoutes::revoke);
    router.post("/api/v1/keys/:key_id/rotate").handler(smallBody).handler(keyRoutes::rotate);
    router.get("/api/v1/audit").handler(auditRoutes::audit);
    TemplateRoutes templates = new TemplateRoutes();
    router.get("/api/v1/templates/cases.xlsx").handler(templates::cases);
    router.get("/api/v1/templates/indicator-values.xlsx").handler(templates::indicatorValues);
    router.post("/api/v1/cases").handler(uploadSlots).handler(cases::upload);
    router.get("/api/v1/cases").handler(drillDown::cases);
    router.get("/api/v1/batches").handler(drillDown::batches);
    router.get("/api/v1/batches/:batch_id").handler(cases::batch);
    router
        .get("/api/v1/batches/:batch_id/errors")
        .handler(new BatchErrorRoutes(s.intake())::errors);
    router.get("/api/v1/quarantine").handler(quarantined::list);
    router.get("/api/v1/metrics").handler(metrics::metrics);
    router.get("/api/v1/warnings").handler(warnings::list);
    router.get("/api/v1/warnings/model").handler(warnings::model);
    router.get("/api/v1/warnings/summary").handler(warnings::summary);
    router.get("/api/v1/common-problems").handler(commonProblems::list);
    router.get("/api/v1/common-problems/:id/cases").handler(commonProblems::cases);
    router.get("/api/v1/rankings").handler(rankings::rankings);
    router.post("/api/v1/rankings/preview").handler(smallBody).handler(rankings::preview);
    router.get("/api/v1/schemes").handler(schemeRoutes::list);
    router.post("/api/v1/schemes").handler(smallBody).handler(schemeRoutes::create);
    router.post("/api/v1/schemes/:id/retire").handler(smallBody).handler(schemeRoutes::retire);
    router.get("/api/v1/indicators").handler(indicatorRoutes::list);
    router.post("/api/v1/indicators").handler(smallBody).handler(indicatorRoutes::create);
    router
        .post("/api/v1/indicators/:code/retire")
        .handler(smallBody)
        .handler(indicatorRoutes::retire);
    router.post("/api/v1/indicator-values").handler(uploadSlots).handler(indicatorValues::upload);
    router.get("/api/v1/bulletins").handler(bulletinRoutes::list);
    router.post("/api/v1/bulletins").handler(smallBody).handler(bulletinRoutes::publish);
    router.get("/api/v1/bulletins/schedules").handler(schedules::list);
    router.put("/api/v1/bulletins/schedules/:series").handler(smallBody).handler(schedules::update);
    router.get("/api/v1/bulletins/:id.pdf").handler(bulletinRoutes::pdf);
    router.get("/api/v1/bulletins/:id.xlsx").handler(bulletinRoutes::xlsx);
    router.get("/api/v1/bulletins/:id.json").handler(bulletinRoutes::snapshot);
    router.get("/api/v1/reporting").handler(governance::reporting);
    router.get("/api/v1/flags").handler(governance::flags);
    router.get("/api/v1/signoffs").handler(signoffs::list);
    router.post("/api/v1/signoffs").handler(smallBody).handler(signoffs::sign);
    router.delete("/api/v1/signoffs/:id").handler(signoffs::withdraw);

    // The page's libraries (Apache ECharts) from the classpath jars under
    // META-INF/resources/_static;
    // the paths carry the version, so browsers may keep them.
    router
        .route("/vendor/*")
        .handler(StaticHandler.create("META-INF/resources/_static").setMaxAgeSeconds(86_400));
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(Failures::answer);
    RouteMisses misses = new RouteMisses(router);
    router.errorHandler(400, misses::badRequest);
    router.errorHandler(404, misses::miss);
    router.errorHandler(405, misses::miss);
    return router;
  }

  public Future<HttpServer> start(String host, int port) {
    return vertx
        // HTTP/1.1 only: without the h2c preface detection, a connection is known (and its idle
        // timer armed) from its first moment, before any byte of it arrives.
        .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .connectionHandler(idle::connected)
        .requestHandler(router())
        .listen(port, host)
        .map(
            s -> {
              // Set before the returned future completes, so port() works once it has.
              server = s;
              quarantineGauge.start(vertx, QUARANTINE_REFRESH);
              warningGauge.start(vertx, WARNINGS_REFRESH);
              flagGauge.start(vertx, WARNINGS_REFRESH);
              LOG.info("API listening on http://{}:{}/", host, s.actualPort());
              return s;
            });
  }

  /** A month was signed off: the scheduler, if attached, re-checks a bulletin held for it. */
  private void signedOff(Period month) {
    BulletinScheduler s = scheduler.get();
    if (s != null) {
      s.signedOff(month);
    }
  }

  /** Serves {@code /api/v1/bulletins/schedules} from {@code bulletinScheduler} (the launcher's). */
  public void attachScheduler(BulletinScheduler bulletinScheduler) {
    scheduler.set(Objects.requireNonNull(bulletinScheduler, "bulletinScheduler"));
  }

  /**
   * Reports the stream job's state in {@code /healthz} ({@code running}, {@code restarting}, …):
   * {@code jobState} asks for it without blocking (the launcher's, from its Flink job client).
   */
  public void attachJobState(Supplier<CompletionStage<String>> jobState) {
    health.attachJob(jobState);
  }

  /** Reports the records log (Kafka) in {@code /healthz}: {@code logState} is its probe's last. */
  public void attachRecordsLog(
      java.util.function.Supplier<io.liangshai.log.LogProbe.State> logState) {
    health.attachRecordsLog(logState);
  }

  /** Adds the gauge {@code name} to {@code /metrics}, read from {@code value} when scraped. */
  public void gauge(String name, String help, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value)
        .description(help)
        .register(httpMetrics.registry());
  }

  public int port() {
    if (server == null) {
      throw new IllegalStateException("the API server is not started");
    }
    return server.actualPort();
  }

  public Future<Void> stop() {
    quarantineGauge.stop(vertx);
    warningGauge.stop(vertx);
    flagGauge.stop(vertx);
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(
        () ->
            vertx.executeBlocking(
                () -> {
                  blocking.close();
                  return null;
                }));
  }

  private void health(RoutingContext ctx) {
    health.handle(ctx);
  }

  private void openapi(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(OpenApiDocument.text());
  }
}
