package io.liangshai.reports.testing;

import io.liangshai.metadata.BulletinNumbers;
import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.SchemeResolver;
import io.liangshai.reports.snapshot.BulletinSources;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
