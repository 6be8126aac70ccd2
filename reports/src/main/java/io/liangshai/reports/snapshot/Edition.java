package io.liangshai.reports.snapshot;

import io.liangshai.core.lang.Required;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.time.Period;
import java.time.Instant;
import java.util.List;

/**
 * What one bulletin is about before its figures are read: its identity, period, peer groups and
 * scheme, and who publishes it when.
 *
 * @param corrects the bulletin this one corrects, or null
 */
public record Edition(
    String id,
    String series,
    int issueNo,
    Period period,
    List<String> groups,
    Scheme scheme,
    BulletinSnapshot.Correction corrects,
    Instant publishedAt,
    String publishedBy) {

  public Edition {
    Required.nonNull(
        "id series period scheme publishedAt publishedBy",
        id,
        series,
        period,
        scheme,
        publishedAt,
        publishedBy);
    groups = List.copyOf(groups);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("groups: a bulletin needs at least one peer group");
    }
    if (issueNo < 1) {
      throw new IllegalArgumentException("issueNo must be ≥ 1, was " + issueNo);
    }
  }
}
