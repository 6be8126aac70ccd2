package io.liangshai.api;

import io.liangshai.core.lang.Required;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.WorkingDayCalendar;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.PriorRiskModel;
import io.liangshai.core.warning.RiskModel;
import io.liangshai.ingest.BatchIntake;
import io.liangshai.ingest.IndicatorValueUploads;
import io.liangshai.metadata.MetadataStores;
import io.liangshai.metadata.PostgresSignoffs;
import io.liangshai.problems.ProblemGrouper;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.snapshot.BulletinSources;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.tenants.Authenticator;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.keys.KeyStore;
import io.liangshai.tenants.keys.KeyUsage;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.BatchesTable;
import io.liangshai.warehouse.ClickHouseProbe;
import io.liangshai.warehouse.IndicatorValuesTable;
import io.liangshai.warehouse.ProcessedBatchesTable;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.BreakdownQueries;
import io.liangshai.warehouse.figures.CaseFactsQueries;
import io.liangshai.warehouse.figures.CommonProblemQueries;
import io.liangshai.warehouse.figures.CommonProblems;
import io.liangshai.warehouse.figures.CustomFigures;
import io.liangshai.warehouse.figures.GovernanceQueries;
import io.liangshai.warehouse.figures.IndicatorQueries;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.liangshai.warehouse.figures.ReportedValues;
import io.liangshai.warehouse.figures.WarningQueries;
import io.liangshai.warehouse.quarantine.QuarantineTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the API's routes are given: each service built once, by the composition root (the launcher's
 * {@code Services}; api's tests build the same through {@link #of}). {@link ApiServer} builds none
 * of them and closes none of them; {@link #close} is the root's.
 *
 * @param clickhouse the warehouse's probe, for {@code /healthz}
 * @param bulletinStore the published bulletins and their files, which {@code bulletins} writes
 * @param bulletins the publisher behind {@code POST /api/v1/bulletins}, which the root also hands
 *     to the bulletin scheduler
 * @param warnings the open cases behind {@code GET /api/v1/warnings} and its gauges
 * @param riskModel the risk of missing a deadline ({@link PriorRiskModel} until one is learned)
 * @param governance reporting, data-quality flags and revisions behind SPEC §10's routes
 * @param signoffs the sign-offs of tenants' months (PostgreSQL)
 * @param commonProblems the groups of similar descriptions behind {@code GET
 *     /api/v1/common-problems} (举一反三)
 */
public record ApiServices(
    Clock clock,
    TenantRegistry registry,
    BatchIntake intake,
    ClickHouseProbe clickhouse,
    Authenticator authenticator,
    KeyStore keys,
    KeyUsage keyUsage,
    AuditLog auditLog,
    SchemeStore schemes,
    IndicatorCatalog indicators,
    IndicatorValueIntake indicatorValues,
    MetricsQueries metrics,
    IndicatorColumns indicatorColumns,
    LeagueTables leagueTables,
    CaseFactsQueries caseFacts,
    BreakdownQueries breakdowns,
    BatchesTable batches,
    ProcessedBatchesTable processedBatches,
    QuarantineTable quarantine,
    BulletinStore bulletinStore,
    BulletinPublisher bulletins,
    WarningQueries warnings,
    RiskModel riskModel,
    GovernanceQueries governance,
    PostgresSignoffs signoffs,
    CommonProblems commonProblems)
    implements AutoCloseable {

  public ApiServices {
    Required.nonNull(
        "clock registry intake clickhouse authenticator keys keyUsage auditLog schemes indicators indicatorValues metrics indicatorColumns leagueTables caseFacts breakdowns batches processedBatches quarantine bulletinStore bulletins warnings riskModel governance signoffs commonProblems",
        clock,
        registry,
        intake,
        clickhouse,
        authenticator,
        keys,
        keyUsage,
        auditLog,
        schemes,
        indicators,
        indicatorValues,
        metrics,
        indicatorColumns,
        leagueTables,
        caseFacts,
        breakdowns,
        batches,
        processedBatches,
        quarantine,
        bulletinStore,
        bulletins,
        warnings,
        riskModel,
        governance,
        signoffs,
        commonProblems);
  }

  /**
   * The services over the two databases, all on one {@code clock}: facts, counts, audit and the
   * published bulletins in ClickHouse ({@code warehouse}); keys, scheme versions, bulletin issue
   * numbers and indicator definitions in PostgreSQL ({@code metadata}, built by {@link
   * MetadataStores#on} over the migrated database), where transactions and unique constraints keep
   * several processes apart. Province administrators authenticate with {@code adminKey}; the
   * warnings judge risk with {@code riskModel} (the root's learned one, or {@link PriorRiskModel}
   * before any is learned).
   */
  public static ApiServices of(
      Warehouse warehouse,
      MetadataStores metadata,
      TenantRegistry registry,
      String adminKey,
      BatchIntake intake,
      Clock clock,
      RiskModel riskModel) {
    KeyStore keys = metadata.keys();
    KeyUsage keyUsage = new KeyUsage(warehouse, clock);
    AuditLog auditLog = new AuditLog(warehouse, clock);
    SchemeStore schemes = new MetadataSchemeStore(metadata.schemes());
    MetricsQueries metrics = new MetricsQueries(warehouse);
    IndicatorCatalog indicators = new IndicatorCatalog(metadata.indicators());
    IndicatorValuesTable indicatorValues = new IndicatorValuesTable(warehouse);
    IndicatorQueries indicatorQueries = new IndicatorQueries(warehouse);
    ReportedValues reportedValues = new ReportedValues(indicatorValues, registry.hierarchy());
    LeagueTables leagueTables =
        new LeagueTables(metrics, clock, new CustomFigures(indicatorQueries, reportedValues));
    BulletinStore bulletinStore = new BulletinStore(warehouse);
    WarningQueries warnings = new WarningQueries(warehouse);
    CommonProblems commonProblems =
        new CommonProblems(new CommonProblemQueries(warehouse), new ProblemGrouper());
    BulletinPublisher bulletins =
        new BulletinPublisher(
            registry,
            FiguresSource.of(leagueTables, metrics, indicators::active),
            bulletinStore,
            metadata.bulletinNumbers(),
            schemes::resolve,
            auditLog,
            clock,
            BulletinSources.of(month -> Optional.of(signedOff(metadata.signoffs(), month)))
                .withProblems(commonProblems)
                .withOpenCases(warnings, new DeadlineClock(WorkingDayCalendar.china())));
    return new ApiServices(
        clock,
        registry,
        intake,
        warehouse.probe(),
        new Authenticator(registry, keys, adminKey, keyUsage),
        keys,
        keyUsage,
        auditLog,
        schemes,
        indicators,
        new IndicatorValueIntake(
            indicators,
            registry,
            indicatorValues,
            uploadsOfValues(intake),
            clock,
            intake.maxRowsPerBatch()),
        metrics,
        new IndicatorColumns(indicators, indicatorQueries, reportedValues),
        leagueTables,
        new CaseFactsQueries(warehouse),
        new BreakdownQueries(warehouse),
        new BatchesTable(warehouse),
        new ProcessedBatchesTable(warehouse),
        new QuarantineTable(warehouse),
        bulletinStore,
        bulletins,
        warnings,
        riskModel,
        new GovernanceQueries(warehouse),
        metadata.signoffs(),
        commonProblems);
  }

  /** The tenants with a sign-off of {@code month} in force (SPEC §10), for the bulletin's line. */
  private static Set<String> signedOff(PostgresSignoffs signoffs, Period month) {
    return signoffs.current(month.toString()).stream()
        .map(PostgresSignoffs.Signoff::tenant)
        .collect(Collectors.toSet());
  }

  /** Where uploads of reported values are kept: beside the case batches, in their landing zone. */
  private static IndicatorValueUploads uploadsOfValues(BatchIntake intake) {
    try {
      return new IndicatorValueUploads(intake.landing());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the reported values' uploads under " + intake.landing().root(), e);
    }
  }

  /** Writes the keys' pending last-use times; the root calls it after the API has stopped. */
  @Override
  public void close() {
    keyUsage.close();
  }
}
