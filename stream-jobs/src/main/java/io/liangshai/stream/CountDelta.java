package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;

/** A change to the counts of one tenant and period: a case's new contribution minus its old. */
public record CountDelta(String tenant, String periodKind, String period, IndicatorCounts delta) {

  String key() {
    return tenant + '|' + periodKind + '|' + period;
  }
}
