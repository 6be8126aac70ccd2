package io.liangshai.reports.snapshot;

import io.liangshai.core.lang.Required;
import java.util.List;

/**
 * Everything a published bulletin (晾晒通报) shows, frozen at the instant it was published: the
 * figures, the scheme version and the ranks. The PDF and the XLSX are rendered from this, once;
 * nothing in it is ever recomputed from live data. Tenants appear by code and registry name only —
 * no enterprise names, no case descriptions.
 *
 * @param format the version of this structure, {@value #FORMAT}
 * @param id the bulletin id, e.g. {@code monthly-0003}
 * @param series the series it belongs to, e.g. {@code monthly}
 * @param issueNo its issue number within the series (第N期)
 * @param period the period it covers, e.g. {@code 2024-01}
 * @param previousPeriod the period rank changes are measured against
 * @param province the province tenant code
 * @param provinceName e.g. 浙江省
 * @param title e.g. 浙江省涉企问题高效闭环解决机制晾晒通报
 * @param publishedAt ISO-8601 instant of publication; {@code overdue_open} is judged then
 * @param publishedBy who published it: {@code tenant/key} or {@code scheduler}
 * @param scheme the scheme version the tables are ranked by
 * @param corrects the bulletin this one corrects, or null
 * @param provinceFigures the province's own indicators for the period
 * @param groups one league table per peer group, in bulletin order
 * @param anomalies the 双闭环 anomaly counts per tenant, one table per level
 * @param methodology the methodology footnote, one paragraph per entry
 * @param targets the 目标达成 section: per group, each scheme indicator with a target and the members
 *     below it (empty in bulletins published before the section existed)
 * @param commonProblems the 举一反三 section: the period's largest common problems province-wide, or
 *     null when the publisher was not told them (and in bulletins published before the section)
 * @param openCases the 预警 section: open cases at publication per deadline state, or null as above
 */
public record BulletinSnapshot(
    int format,
    String id,
    String series,
    int issueNo,
    String period,
    String previousPeriod,
    String province,
    String provinceName,
    String title,
    String publishedAt,
    String publishedBy,
    SchemeInfo scheme,
    Correction corrects,
    Figures provinceFigures,
    List<GroupTable> groups,
    List<AnomalyTable> anomalies,
    List<String> methodology,
    List<TargetShortfall> targets,
    List<CommonProblem> commonProblems,
    OpenCases openCases) {

  /** The current {@link #format}. */
  public static final int FORMAT = 1;

  public BulletinSnapshot {
    Required.nonNull(
        "id series period scheme provinceFigures", id, series, period, scheme, provinceFigures);
    groups = List.copyOf(groups);
    anomalies = List.copyOf(anomalies);
    methodology = List.copyOf(methodology);
    targets = targets == null ? List.of() : List.copyOf(targets);
    commonProblems = commonProblems == null ? null : List.copyOf(commonProblems);
  }

  /** The bulletin a correction replaces: its id and issue number. */
  public record Correction(String id, int issueNo) {}

  /** The scheme as published: id, version, name, minimum volume, normalisation and weights. */
  public record SchemeInfo(
      String id,
      int version,
      String name,
      int minimumVolume,
      String normalisation,
      List<Weight> indicators) {

    /** {@code id@version}. */
    public String ref() {
      return id + "@" + version;
    }
  }

  /** One scored rate: its wire name, weight and direction ({@code higher_better}…). */
  public record Weight(String rate, double weight, String direction) {}
}
