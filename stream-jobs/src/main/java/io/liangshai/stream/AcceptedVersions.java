package io.liangshai.stream;

import io.liangshai.core.tenant.TenantHierarchy;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.util.Objects;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Every record read from the landing zone as a row of {@code case_versions} (SPEC §10): each
 * version ingest accepted, older ones that arrive late included, whatever the latest version is.
 * Ingest rejects conflicts before they land, so none reaches here. Stateless: a replay maps the
 * same line to the same row, and the table's replacing merge keeps one.
 */
public class AcceptedVersions implements MapFunction<Landed, VersionRow> {

  static final String NAME = "accepted versions";

  private final TenantHierarchy hierarchy;

  public AcceptedVersions(TenantHierarchy hierarchy) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
  }

  @Override
  public VersionRow map(Landed landed) {
    return new VersionRow(
        landed.record(),
        landed.origin().batchId(),
        hierarchy.selfAndAncestors(landed.record().tenantCode()).toArray(String[]::new),
        Period.of(PeriodKind.MONTH, landed.record().receivedAt()).toString());
  }
}
