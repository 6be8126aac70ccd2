package io.liangshai.reports.testing;

import io.liangshai.reports.BulletinPublisher;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.SchemeResolver;
import io.liangshai.reports.snapshot.FiguresSource;
import io.liangshai.tenants.TenantRegistry;
import io.liangshai.tenants.TenantRegistryLoader;
import io.liangshai.warehouse.AuditLog;
import io.liangshai.warehouse.Warehouse;
import io.liangshai.warehouse.figures.LeagueTables;
import io.liangshai.warehouse.figures.MetricsQueries;
import java.time.Clock;

/** A publisher over a real warehouse, the shipped registry and the built-in scheme. */
public final class Publishing {

  public static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  private Publishing() {}

  public static BulletinPublisher publisher(Warehouse warehouse, Clock clock) {
    MetricsQueries metrics = new MetricsQueries(warehouse);
    return publisher(warehouse, clock, FiguresSource.of(new LeagueTables(metrics, clock), metrics));
  }

  /** As {@link #publisher(Warehouse, Clock)}, its snapshots' figures from {@code figures}. */
  public static BulletinPublisher publisher(
      Warehouse warehouse, Clock clock, FiguresSource figures) {
    BulletinStore store = new BulletinStore(warehouse);
    return new BulletinPublisher(
        REGISTRY,
        figures,
        store,
        store,
        SchemeResolver.builtIn(),
        new AuditLog(warehouse, clock),
        clock);
  }
}
