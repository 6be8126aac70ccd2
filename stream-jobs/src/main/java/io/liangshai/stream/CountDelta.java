package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;

/**
 * A change to the counts of one tenant and period: a case's new contribution minus its old.
 *
 * @param origin the landed line that caused it
 */
public record CountDelta(
    String tenant, String periodKind, String period, IndicatorCounts delta, Origin origin) {

  String key() {
    return tenant + '|' + periodKind + '|' + period;
  }
}
