package io.liangshai.launcher;

import io.liangshai.api.ApiServer;
import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.reports.render.BulletinPdf;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.stream.CaseIndicatorsJob;
import io.liangshai.stream.LocalIndicatorsRunner;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything liangshai runs on one machine, started in order and stopped in reverse: ClickHouse
 * (local, unless an external one is configured), the {@link Services} over it (the schema, the
 * landing zone with its version index reconciled with the batches landed before a crash and its
 * upload audit back-filled into ClickHouse, the stores, the publisher), the indicators job in a
 * Flink MiniCluster, the API over those services, and last the bulletin scheduler (Quartz, its job
 * store under {@code LIANGSHAI_DATA_DIR/scheduler}), which therefore stops first.
 */
final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private static final int FLINK_PARALLELISM = 2;
  private static final long CHECKPOINT_MS = 1000;

  private final LiangshaiConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private ApiServer api;
  private ClickHouseEndpoint clickhouse;
  private TenantRegistry registry;

  Platform(LiangshaiConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    if (config.adminKey().isEmpty()) {
      throw new IllegalArgumentException("the platform needs an admin key");
    }
  }

  void start() throws Exception {
    LOG.info("starting liangshai: {}", config);
    Files.createDirectories(config.dataDir());
    registry = TenantRegistryLoader.loadFileOrDefault(config.tenantsCsv());
    LOG.info(
        "tenant registry: {} tenants under {}", registry.all().size(), registry.province().name());

    clickhouse =
        config
            .clickhouseUrl()
            .map(ClickHouseEndpoint::external)
            .orElseGet(
                () -> ClickHouseEndpoint.local(LocalClickHouseConfig.of(config.clickhouseDir())));
    started.push(clickhouse);
    Services services = Services.open(config, registry, clickhouse.jdbcUrl(), Clock.systemUTC());
    started.push(services);

    CaseIndicatorsJob job =
        CaseIndicatorsJob.of(
            services.landing.recordsDir().toString(), clickhouse.jdbcUrl(), registry);
    LocalIndicatorsRunner runner =
        LocalIndicatorsRunner.start(job, config.checkpointDir(), FLINK_PARALLELISM, CHECKPOINT_MS);
    started.push(runner);

    Vertx vertx = Vertx.vertx();
    started.push(() -> vertx.close().await());
    api = new ApiServer(vertx, services.api, config.limits());
    api.attachJobState(runner::state);
    api.start(config.httpHost(), config.httpPort()).await();
    started.push(() -> api.stop().await());

    Thread templates = new Thread(BulletinPdf::warmUp, "bulletin-templates");
    templates.setDaemon(true);
    templates.start();
    // TODO(lead): pass pgwire's Services.metadata; this branch has no PostgreSQL to pass.
    BulletinScheduler bulletins =
        services.startScheduler(null, config.dataDir().resolve("scheduler"));
    started.push(bulletins);
    api.attachScheduler(bulletins);
  }

  String baseUrl() {
    String host = config.httpHost().equals("0.0.0.0") ? "127.0.0.1" : config.httpHost();
    return "http://" + host + ":" + api.port();
  }

  /** The JDBC URL every component uses for ClickHouse. */
  String clickhouseJdbcUrl() {
    return clickhouse.jdbcUrl();
  }

  TenantRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
  }
}
