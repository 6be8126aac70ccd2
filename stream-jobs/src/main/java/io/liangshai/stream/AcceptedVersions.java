package io.liangshai.stream;

import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every record read from the landing zone as a row of {@code case_versions} (SPEC §10): each
 * version ingest accepted, older ones that arrive late included, whatever the latest version is.
 * Ingest rejects conflicts before they land, so none reaches here. Stateless: a replay maps the
 * same line to the same row, and the table's replacing merge keeps one. A record it cannot map goes
 * to the {@link Quarantine} instead of failing the job.
 */
public class AcceptedVersions extends ProcessFunction<Landed, VersionRow> {

  static final String NAME = "accepted versions";

  private final TenantHierarchy hierarchy;
  private final Quarantine quarantine = new Quarantine(NAME);

  public AcceptedVersions(TenantHierarchy hierarchy) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
  }

  @Override
  public void open(OpenContext ctx) {
    quarantine.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(Landed landed, Context ctx, Collector<VersionRow> out) {
    VersionRow row;
    try {
      row =
          new VersionRow(
              landed.record(),
              landed.origin().batchId(),
              hierarchy.selfAndAncestors(landed.record().tenantCode()).toArray(String[]::new),
              Period.of(PeriodKind.MONTH, landed.record().receivedAt()).toString());
    } catch (RuntimeException e) {
      ctx.output(Quarantine.OUTPUT, quarantine.row(landed.origin(), landed.record(), e));
      return;
    }
    out.collect(row);
  }
}
