package io.liangshai.launcher;

import io.liangshai.api.ApiServer;
import io.liangshai.clickhouse.local.ClickHouseEndpoint;
import io.liangshai.clickhouse.local.LocalClickHouseConfig;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.ingest.LogBackfill;
import io.liangshai.log.LogProbe;
import io.liangshai.log.RecordsLog;
import io.liangshai.log.RecordsTopic;
import io.liangshai.reports.render.BulletinPdf;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.stream.CaseIndicatorsJob;
import io.liangshai.stream.LocalIndicatorsRunner;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.ClickHouseLayout;
import io.liangshai.warehouse.ProcessedBatchesTable;
import io.liangshai.warehouse.Warehouse;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything liangshai runs on one machine, started in order and stopped in reverse: ClickHouse,
 * PostgreSQL and Kafka (each local, unless an external one is configured; {@link MetadataServer},
 * {@link LogServer}), the records log ingest appends to and the job reads, the {@link Services}
 * over them (the ClickHouse schema and the metadata migrations, the landing zone with its version
 * index reconciled with the batches landed before a crash and its upload audit back-filled into
 * ClickHouse, the stores, the publisher), the indicators job in a Flink MiniCluster, the API over
 * those services, and last the bulletin scheduler (Quartz, its job store under {@code
 * LIANGSHAI_DATA_DIR/scheduler}), which therefore stops first.
 */
final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private static final int FLINK_PARALLELISM = 2;
  private static final long CHECKPOINT_MS = 500;

  private final LiangshaiConfig config;
  private final Role role;
  private final Closer started = new Closer();
  private ApiServer api;
  private ClickHouseEndpoint clickhouse;
  private TenantRegistry registry;
  private RecordsTopic records;

  Platform(LiangshaiConfig config) {
    this(config, Role.ALL);
  }

  Platform(LiangshaiConfig config, Role role) {
    this.config = Objects.requireNonNull(config, "config");
    this.role = Objects.requireNonNull(role, "role");
    if (config.adminKey().isEmpty()) {
      throw new IllegalArgumentException("the platform needs an admin key");
    }
    layout(config);
    LogServer.check(config, role);
  }

  /** How the tables are laid out; refused when a cluster is named without one of its servers. */
  static ClickHouseLayout layout(LiangshaiConfig config) {
    if (config.clickhouseCluster().isPresent() && config.clickhouseUrl().isEmpty()) {
      throw new IllegalArgumentException(
          "LIANGSHAI_CLICKHOUSE_CLUSTER names a cluster of ClickHouse servers:"
              + " set LIANGSHAI_CLICKHOUSE_URL to one of them (the local ClickHouse is one server)");
    }
    return ClickHouseLayout.of(config.clickhouseCluster());
  }

  void start() throws Exception {
    LOG.info("starting liangshai, role {}: {}", role, config);
    Files.createDirectories(config.dataDir());
    registry = TenantRegistryLoader.loadFileOrDefault(config.tenantsCsv());
    LOG.info(
        "tenant registry: {} tenants under {}", registry.all().size(), registry.province().name());

    // PostgreSQL (for the API's roles; the job needs none) starts on its own thread while
    // ClickHouse starts on this one.
    Starting<MetadataServer> metadata =
        role.servesHttp()
            ? started.push(Starting.onItsOwnThread(() -> MetadataServer.start(config)))
            : null;
    // So does the Kafka of the records log, which every role needs.
    Starting<LogServer> kafka =
        started.push(Starting.onItsOwnThread(() -> LogServer.start(config)));
    ClickHouseLayout layout = layout(config);
    clickhouse =
        config
            .clickhouseUrl()
            .map(ClickHouseEndpoint::external)
            .orElseGet(
                () -> ClickHouseEndpoint.local(LocalClickHouseConfig.of(config.clickhouseDir())));
    started.push(clickhouse);
    Services services = null;
    LogServer log = kafka.await();
    records = log.topic();
    if (metadata != null) {
      MetadataServer postgres = metadata.await();
      RecordsLog records = RecordsLog.open(log.topic(), LogServer.instanceId(config));
      started.push(records);
      services =
          Services.open(
              config, registry, clickhouse.jdbcUrl(), postgres, records, Clock.systemUTC());
      started.push(services);
      started.push(
          new PlatformEndpoints(clickhouse.jdbcUrl(), postgres.url()).writeFor(config.dataDir()));
      if (log.emptyAtStart()) {
        // A job that resumes a checkpoint holds what it processed; one without reads everything.
        java.util.Set<String> processed =
            LocalIndicatorsRunner.latestCheckpoint(config.checkpointDir()).isPresent()
                ? new ProcessedBatchesTable(services.warehouse).all()
                : java.util.Set.of();
        LogBackfill.appendUnprocessed(services.landing, records, processed::contains);
      }
    } else {
      started.push(Warehouse.open(clickhouse.jdbcUrl(), layout));
    }

    LocalIndicatorsRunner runner = null;
    if (role.runsJob()) {
      CaseIndicatorsJob job =
          CaseIndicatorsJob.of(
              log.topic().bootstrapServers(),
              log.topic().name(),
              layout.jdbcUrl(clickhouse.jdbcUrl()),
              registry);
      runner =
          LocalIndicatorsRunner.start(
              job, config.checkpointDir(), FLINK_PARALLELISM, CHECKPOINT_MS);
      started.push(runner);
    }
    if (services != null) {
      serve(services, runner);
    }
  }

  /**
   * The API over {@code services}, then the bulletin scheduler; {@code runner} may be elsewhere.
   */
  private void serve(Services services, LocalIndicatorsRunner runner) throws Exception {
    Vertx vertx = Vertx.vertx();
    started.push(() -> vertx.close().await());
    api = new ApiServer(vertx, services.api, config.limits());
    if (runner != null) {
      api.attachJobState(runner::state);
    }
    LogProbe logProbe = LogProbe.start(records, Clock.systemUTC());
    started.push(logProbe);
    api.attachRecordsLog(logProbe::state);
    services.archive.ifPresent(
        shipper ->
            api.gauge(
                "liangshai_archive_backlog",
                "accepted batches not yet in the shared archive " + shipper.archive().location(),
                shipper::backlog));
    api.start(config.httpHost(), config.httpPort()).await();
    started.push(() -> api.stop().await());

    Thread templates = new Thread(BulletinPdf::warmUp, "bulletin-templates");
    templates.setDaemon(true);
    templates.start();
    // TODO(lead): pass pgwire's Services.metadata; this branch has no PostgreSQL to pass.
    BulletinScheduler bulletins = services.startScheduler(config.dataDir().resolve("scheduler"));
    started.push(bulletins);
    api.attachScheduler(bulletins);
  }

  Role role() {
    return role;
  }

  /** The job's checkpoints: a directory of the data directory. */
  Path checkpointDir() {
    return config.checkpointDir();
  }

  /** Where the API serves; only for a role that {@link Role#servesHttp}. */
  String baseUrl() {
    if (api == null) {
      throw new IllegalStateException("a " + role + " process serves no HTTP");
    }
    String host = config.httpHost().equals("0.0.0.0") ? "127.0.0.1" : config.httpHost();
    return "http://" + host + ":" + api.port();
  }

  /** The JDBC URL every component uses for ClickHouse. */
  String clickhouseJdbcUrl() {
    return clickhouse.jdbcUrl();
  }

  /** The records log's topic, as ingest appends to it and the job reads it. */
  RecordsTopic recordsTopic() {
    return records;
  }

  TenantRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    started.close();
  }
}
