package io.liangshai.reports.snapshot;

import static io.liangshai.core.ranking.FunnelSignal.ABOVE;
import static io.liangshai.core.ranking.FunnelSignal.ALARM;
import static io.liangshai.core.ranking.FunnelSignal.BELOW;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import io.liangshai.core.ranking.LeagueRow;
import io.liangshai.core.ranking.LeagueTable;
import io.liangshai.core.ranking.RateDetail;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.time.PeriodKind;
import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.reports.snapshot.AnomalyTable.AnomalyRow;
import io.liangshai.reports.snapshot.BulletinSnapshot.SchemeInfo;
import io.liangshai.reports.snapshot.BulletinSnapshot.Weight;
import io.liangshai.tenants.Tenant;
import io.liangshai.tenants.TenantLevel;
import io.liangshai.tenants.TenantRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the figures of an {@link Edition} — from the warehouse, the same league tables {@code GET
 * /api/v1/rankings} serves — and freezes them into a {@link BulletinSnapshot}. Blocking (JDBC).
 */
public final class SnapshotBuilder {

  private final TenantRegistry registry;
  private final FiguresSource figures;
  private final BulletinSources sources;

  public SnapshotBuilder(TenantRegistry registry, FiguresSource figures) {
    this(registry, figures, BulletinSources.NONE);
  }

  /**
   * As {@link #SnapshotBuilder(TenantRegistry, FiguresSource)}, with who has not signed off, the
   * common problems and the open cases from {@code sources}.
   */
  public SnapshotBuilder(TenantRegistry registry, FiguresSource figures, BulletinSources sources) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.figures = Objects.requireNonNull(figures, "figures");
    this.sources = Objects.requireNonNull(sources, "sources");
  }

  public BulletinSnapshot build(Edition edition) {
    Tenant province = registry.province();
    List<GroupTable> groups = new ArrayList<>();
    List<TargetShortfall> targets = new ArrayList<>();
    List<IndicatorDefinition> definitions = figures.definitions();
    Map<String, IndicatorDefinition> inForce = new HashMap<>();
    definitions.forEach(d -> inForce.put(d.code(), d));
    Map<String, Indicators> seen = new TreeMap<>();
    for (String group : edition.groups()) {
      List<String> members = registry.members(group).stream().map(Tenant::code).toList();
      if (members.isEmpty()) {
        throw new IllegalArgumentException("groups: unknown peer group '" + group + "'");
      }
      LeagueTable table =
          figures.table(
              edition.period(), members, edition.scheme(), definitions, edition.publishedAt());
      table.rows().forEach(row -> seen.put(row.tenant(), row.indicators()));
      groups.add(group(group, table, inForce));
      targets.addAll(TargetShortfalls.of(group, table, inForce, this::name));
    }
    Map<String, String> names = new HashMap<>();
    inForce.forEach((code, d) -> names.put(code, d.name()));
    Indicators provinceFigures =
        figures.indicators(edition.period(), province.code(), edition.publishedAt());
    return new BulletinSnapshot(
        BulletinSnapshot.FORMAT,
        edition.id(),
        edition.series(),
        edition.issueNo(),
        edition.period().toString(),
        edition.period().previous().toString(),
        province.code(),
        province.name(),
        Wording.title(province.name()),
        edition.publishedAt().toString(),
        edition.publishedBy(),
        scheme(edition.scheme()),
        edition.corrects(),
        Figures.of(provinceFigures),
        groups,
        anomalies(seen),
        withSignoffs(Methodology.paragraphs(edition, groups, names), edition),
        targets,
        sources
            .problems()
            .of(edition.period(), province.code())
            .map(CommonProblem::top)
            .orElse(null),
        sources
            .openCases()
            .at(edition.publishedAt())
            .map(
                own ->
                    OpenCases.of(
                        registry,
                        own,
                        edition.publishedAt().toString(),
                        DeadlineClock.DEFAULT_WITHIN))
            .orElse(null));
  }

  /**
   * The methodology with, for a month whose sign-offs are known, the line of the cities and
   * counties that had not signed it off when the bulletin was published (SPEC §10).
   */
  private List<String> withSignoffs(List<String> paragraphs, Edition edition) {
    if (edition.period().kind() != PeriodKind.MONTH) {
      return paragraphs;
    }
    Optional<List<Tenant>> missing = sources.signoffs().unsigned(registry, edition.period());
    if (missing.isEmpty()) {
      return paragraphs;
    }
    List<String> unsigned = missing.get().stream().map(Tenant::name).toList();
    List<String> with = new ArrayList<>(paragraphs);
    with.add(
        unsigned.isEmpty()
            ? "数据确认：全部设区市和县（市、区）均已确认本期数据。"
            : "数据确认：截至本通报生成时，以下"
                + unsigned.size()
                + "个地区尚未确认本期数据："
                + String.join("、", unsigned)
                + "。");
    return with;
  }

  private GroupTable group(
      String group, LeagueTable table, Map<String, IndicatorDefinition> inForce) {
    RedBlackLists lists = RedBlackLists.of(table.rows());
    List<IndicatorColumn> columns = new ArrayList<>();
    for (SchemeIndicator i : table.scheme().indicators()) {
      if (!i.isBuiltIn()) {
        IndicatorDefinition d = inForce.get(i.code());
        columns.add(
            new IndicatorColumn(
                i.code(),
                d == null ? i.code() : d.name(),
                d == null ? IndicatorKind.REPORTED.wireName() : d.kind().wireName()));
      }
    }
    Map<String, Double> pooled = new LinkedHashMap<>();
    table.pooledRates().forEach((rate, p0) -> pooled.put(rate.wireName(), p0));
    List<TableRow> rows = table.rows().stream().map(this::row).toList();
    return new GroupTable(
        group,
        Wording.group(group),
        (int) rows.stream().filter(TableRow::ranked).count(),
        lists.size(),
        pooled,
        rows,
        lists.red().stream().map(r -> entry(r, RedBlackLists.evidence(r, ABOVE))).toList(),
        lists.black().stream().map(r -> entry(r, RedBlackLists.evidence(r, BELOW, ALARM))).toList(),
        columns);
  }

  private TableRow row(LeagueRow row) {
    Map<String, String> signals = new LinkedHashMap<>();
    for (Indicator rate : RedBlackLists.RATES) {
      RateDetail detail = row.rates().get(rate);
      if (detail != null && detail.funnel() != null) {
        signals.put(rate.wireName(), detail.funnel().wireName());
      }
    }
    Map<String, IndicatorCell> custom = new LinkedHashMap<>();
    row.custom().forEach((code, detail) -> custom.put(code, IndicatorCell.of(detail.value())));
    return new TableRow(
        row.tenant(),
        name(row.tenant()),
        row.rank(),
        row.previousRank(),
        row.rankChange(),
        row.score(),
        row.ineligibleReason(),
        Figures.of(row.indicators()),
        signals,
        custom);
  }

  private ListEntry entry(LeagueRow row, List<String> evidence) {
    return new ListEntry(row.tenant(), name(row.tenant()), row.rank(), row.score(), evidence);
  }

  private List<AnomalyTable> anomalies(Map<String, Indicators> byTenant) {
    List<AnomalyTable> tables = new ArrayList<>();
    for (TenantLevel level : List.of(TenantLevel.CITY, TenantLevel.COUNTY)) {
      List<AnomalyRow> rows = new ArrayList<>();
      byTenant.forEach(
          (code, indicators) -> {
            Tenant tenant = registry.get(code);
            if (tenant.level() == level) {
              rows.add(AnomalyRow.of(code, tenant.name(), Figures.of(indicators)));
            }
          });
      if (!rows.isEmpty()) {
        tables.add(
            new AnomalyTable(level.wireName(), level == TenantLevel.CITY ? "设区市" : "县（市、区）", rows));
      }
    }
    return tables;
  }

  private String name(String code) {
    return registry.find(code).map(Tenant::name).orElse(code);
  }

  private static SchemeInfo scheme(Scheme scheme) {
    List<Weight> weights = new ArrayList<>();
    for (SchemeIndicator i : scheme.indicators()) {
      weights.add(new Weight(i.code(), i.weight(), i.direction().wireName()));
    }
    return new SchemeInfo(
        scheme.id(),
        scheme.version(),
        scheme.name(),
        scheme.minimumVolume(),
        scheme.normalisation().wireName(),
        weights);
  }
}
