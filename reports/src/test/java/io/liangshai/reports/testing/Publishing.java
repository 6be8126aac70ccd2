package io.liangshai.reports.testing;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.testing.ZhejiangTenants;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.metadata.BulletinNumbers;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.PublishRequest;
import io.liangshai.reports.SchemeResolver;
import io.liangshai.reports.snapshot.BulletinSources;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.IndicatorValuesTable;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.CustomFigures;
import io.liangshai.warehouse.figures.IndicatorQueries;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import io.liangshai.warehouse.figures.ReportedValues;
import io.liangshai.warehouse.testing.SampleFacts;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A publisher over a real warehouse, its issue numbers in a real metadata database, the shipped
 * registry and the built-in scheme.
 */
public final class Publishing {

  public static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  /** When the tests publish the sample's January: 6 February 2024, 09:00 in Zhejiang. */
  public static final Instant PUBLISHED = Instant.parse("2024-02-06T01:00:00Z");

  /** A clock stopped at {@link #PUBLISHED}. */
  public static final Clock AT_PUBLICATION = Clock.fixed(PUBLISHED, ZoneOffset.UTC);

  private Publishing() {}

  public static BulletinPublisher publisher(Warehouse warehouse, DataSource metadata, Clock clock) {
    MetricsQueries metrics = new MetricsQueries(warehouse);
    return publisher(
        warehouse, metadata, clock, FiguresSource.of(new LeagueTables(metrics, clock), metrics));
  }

  /**
   * As {@link #publisher(Warehouse, DataSource, Clock)}, its snapshots' figures from {@code
   * figures}.
   */
  public static BulletinPublisher publisher(
      Warehouse warehouse, DataSource metadata, Clock clock, FiguresSource figures) {
    return publisher(
        warehouse, metadata, clock, figures, SchemeResolver.builtIn(), BulletinSources.NONE);
  }

  /**
   * As {@link #publisher(Warehouse, DataSource, Clock, FiguresSource)}, its schemes from {@code
   * schemes} and its sections beside the figures from {@code sources}.
   */
  public static BulletinPublisher publisher(
      Warehouse warehouse,
      DataSource metadata,
      Clock clock,
      FiguresSource figures,
      SchemeResolver schemes,
      BulletinSources sources) {
    return new BulletinPublisher(
        REGISTRY,
        figures,
        new BulletinStore(warehouse),
        new BulletinNumbers(metadata, clock),
        schemes,
        new AuditLog(warehouse, clock),
        clock,
        sources);
  }

  /**
   * Publishes the counties' bulletin of {@code period} at {@link #AT_PUBLICATION} under {@code
   * scheme} (its id the only reference resolved), the indicators {@code inForce} defined and their
   * figures {@link #withCustomFigures from the warehouse}.
   */
  public static Published publishCountiesUnder(
      Warehouse warehouse,
      DataSource metadata,
      Scheme scheme,
      List<IndicatorDefinition> inForce,
      Period period) {
    MetricsQueries metrics = new MetricsQueries(warehouse);
    BulletinPublisher publisher =
        publisher(
            warehouse,
            metadata,
            AT_PUBLICATION,
            FiguresSource.of(withCustomFigures(warehouse, metrics), metrics, () -> inForce),
            ref -> scheme.id().equals(ref) ? Optional.of(scheme) : Optional.empty(),
            BulletinSources.NONE);
    return Published.read(
        new BulletinStore(warehouse),
        publisher.publish(
            new PublishRequest(
                period.toString(), List.of("counties"), scheme.id(), null, "330000", "admin")));
  }

  /**
   * League tables at {@link #AT_PUBLICATION} whose defined indicators' figures come from the
   * warehouse's case facts and uploaded values.
   */
  private static LeagueTables withCustomFigures(Warehouse warehouse, MetricsQueries metrics) {
    return new LeagueTables(
        metrics,
        AT_PUBLICATION,
        new CustomFigures(
            new IndicatorQueries(warehouse),
            new ReportedValues(new IndicatorValuesTable(warehouse), ZhejiangTenants.hierarchy())));
  }

  /**
   * Loads into {@code warehouse} the facts of the sample feed's cases {@link #casesTouchedIn
   * touched in} {@code month}, and returns those cases' records.
   */
  public static List<CaseRecord> loadSampleMonth(Warehouse warehouse, Period month)
      throws SQLException {
    List<CaseRecord> records = casesTouchedIn(month, SampleFeed.validRecords());
    SampleFacts.load(warehouse, records, 1);
    return records;
  }

  /**
   * Every version of the cases with a version received in the month {@code month} (Asia/Shanghai):
   * that month's figures of these records are the whole feed's.
   */
  private static List<CaseRecord> casesTouchedIn(Period month, List<CaseRecord> all) {
    Set<String> touched = new HashSet<>();
    for (CaseRecord r : all) {
      if (Period.of(PeriodKind.MONTH, r.receivedAt()).equals(month)) {
        touched.add(r.tenantCode() + "/" + r.caseId());
      }
    }
    return all.stream().filter(r -> touched.contains(r.tenantCode() + "/" + r.caseId())).toList();
  }
}
