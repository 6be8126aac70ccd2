package io.liangshai.launcher;

import com.zaxxer.hikari.HikariDataSource;
import io.liangshai.api.ApiServices;
import io.liangshai.api.LandingAuditSync;
import io.liangshai.archive.ArchiveShipper;
import io.liangshai.archive.RawArchive;
import io.liangshai.archive.RawArchives;
import io.liangshai.core.config.LiangshaiConfig;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.LandingZone;
import io.liangshai.launcher.upgrade.MetadataImport;
import io.liangshai.log.RecordsLog;
import io.liangshai.metadata.MetadataStores;
import io.liangshai.metadata.PostgresVersionIndex;
import io.liangshai.reports.schedule.BulletinScheduler;
import io.liangshai.reports.schedule.LegacySchedules;
import io.liangshai.risk.LearnedRiskModel;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.warehouse.ClickHouseLayout;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.RiskHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.quartz.SchedulerException;

/**
 * The composition root: every service of the platform built once, over one {@link Clock}, one
 * {@link Warehouse} (ClickHouse: facts, counts, audit, published bulletins) and one pooled {@link
 * #metadata} database (PostgreSQL, migrated here: keys, schemes, bulletin numbers) — the landing
 * zone and its {@link BatchIntake}, the upload audit's {@link LandingAuditSync}, the API's {@link
 * ApiServices} (key, scheme and bulletin stores, the authenticator, the figures, the bulletin
 * publisher) and the {@link BulletinScheduler} that publishes with that same publisher. {@link
 * Platform} starts the runtimes around it (ClickHouse, PostgreSQL, Flink, Vert.x) and hands these
 * on; nothing fetches a service back from what it was given to.
 */
final class Services implements AutoCloseable {

  final Clock clock;
  final Warehouse warehouse;

  /** The one pool of the metadata database, migrated; for every store that needs transactions. */
  final DataSource metadata;

  final LandingZone landing;

  /** What ships this instance's accepted raw bodies to the shared archive, when one is set. */
  final Optional<ArchiveShipper> archive;

  final ApiServices api;
  private final Closer opened = new Closer();

  private Services(
      LiangshaiConfig config,
      TenantRegistry registry,
      String jdbcUrl,
      MetadataServer postgres,
      RecordsLog log,
      Clock clock)
      throws SQLException, IOException {
    this.clock = Objects.requireNonNull(clock, "clock");
    String adminKey =
        config
            .adminKey()
            .orElseThrow(() -> new IllegalArgumentException("the platform needs an admin key"));
    try {
      this.warehouse = Warehouse.open(jdbcUrl, ClickHouseLayout.of(config.clickhouseCluster()));
      opened.push(warehouse);
      HikariDataSource pool = postgres.openPool();
      opened.push(pool);
      this.metadata = pool;
      // What the previous release kept in ClickHouse (keys, schemes, numbering) comes over first.
      MetadataImport.run(warehouse, metadata, clock);
      this.landing = new LandingZone(config.landingDir());
      this.archive = startArchive(config);
      BatchIntake intake =
          new BatchIntake(
              landing,
              registry,
              new PostgresVersionIndex(metadata, clock),
              log,
              clock,
              config.limits().maxRowsPerBatch());
      opened.push(intake);
      opened.push(new LandingAuditSync(landing, warehouse, clock).start());
      LearnedRiskModel risk = startRiskModel();
      this.api =
          ApiServices.of(
              warehouse,
              MetadataStores.on(metadata, clock),
              registry,
              adminKey,
              intake,
              clock,
              risk);
      opened.push(api);
    } catch (SQLException | IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Builds the services over the ClickHouse at {@code jdbcUrl} (its schema applied), the metadata
   * database of {@code metadata} (its migrations applied), the landing zone of {@code config} and
   * the records log {@code log} its intake appends to; what was opened is closed again if a later
   * step fails.
   */
  static Services open(
      LiangshaiConfig config,
      TenantRegistry registry,
      String jdbcUrl,
      MetadataServer metadata,
      RecordsLog log,
      Clock clock)
      throws SQLException, IOException {
    return new Services(config, registry, jdbcUrl, metadata, log, clock);
  }

  /**
   * Starts the bulletin scheduler (its clustered Quartz job store in the {@link #metadata}
   * PostgreSQL) with the API's publisher and this clock, taking over the schedules the previous
   * release kept in {@code legacyDir} if the store has none yet; the caller stops it, before these
   * services close.
   */
  BulletinScheduler startScheduler(Path legacyDir) throws SchedulerException {
    return BulletinScheduler.start(
        metadata,
        LegacySchedules.read(legacyDir),
        api.bulletins(),
        clock,
        BulletinScheduler.Options.DEFAULTS);
  }

  /**
   * The shipper of this landing zone to {@code LIANGSHAI_ARCHIVE}, started; none without one. A
   * malformed location stops the start; an archive that does not answer does not (uploads land
   * durably without it) but is logged and counted in {@code liangshai_archive_backlog}.
   */
  private Optional<ArchiveShipper> startArchive(LiangshaiConfig config) throws IOException {
    if (config.archive().isEmpty()) {
      return Optional.empty();
    }
    RawArchive shared = RawArchives.open(config.archive().get(), config.archiveEndpoint());
    opened.push(shared);
    ArchiveShipper shipper = new ArchiveShipper(landing, shared).start();
    opened.push(shipper);
    return Optional.of(shipper);
  }

  /**
   * The learned risk of missing a deadline (SPEC §8), trained on its own thread — at start, as
   * cases arrive, at least daily — never on a request; the prior answers until it has learned.
   */
  private LearnedRiskModel startRiskModel() {
    ScheduledExecutorService training =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "risk-model-training");
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    opened.push(training::shutdownNow);
    LearnedRiskModel model =
        new LearnedRiskModel(
            new RiskHistory(warehouse), new DeadlineClock(WorkingDayCalendar.china()), clock);
    opened.push(model::stop);
    return model.start(training);
  }

  /** Closes in reverse order of building: the API's services first, the warehouse last. */
  @Override
  public void close() {
    opened.close();
  }
}
