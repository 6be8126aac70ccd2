package io.liangshai.reports.snapshot;

import io.liangshai.core.indicator.IndicatorCounts;
import io.liangshai.core.indicator.Indicators;

/**
 * One tenant's SPEC §3 indicators for the bulletin's period, as published: the counts, {@code
 * overdue_open} at publication, and the four rates (null when the denominator is 0).
 */
public record Figures(
    long received,
    long closed,
    long overdueClosed,
    long overdueOpen,
    long recurrences,
    long rated,
    long satisfied,
    long dissatisfied,
    long reassigned,
    long leaderInstructed,
    long escalated,
    Double resolutionRate,
    Double overdueRate,
    Double recurrenceRate,
    Double satisfactionRate) {

  public static Figures of(Indicators indicators) {
    IndicatorCounts n = indicators.counts();
    return new Figures(
        n.received(),
        n.closed(),
        n.overdueClosed(),
        indicators.overdueOpen(),
        n.recurrences(),
        n.rated(),
        n.satisfied(),
        n.dissatisfied(),
        n.reassigned(),
        n.leaderInstructed(),
        n.escalated(),
        indicators.resolutionRate(),
        indicators.overdueRate(),
        indicators.recurrenceRate(),
        indicators.satisfactionRate());
  }
}
