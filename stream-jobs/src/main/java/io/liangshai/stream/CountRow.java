package io.liangshai.stream;

import io.liangshai.core.indicator.IndicatorCounts;

/**
 * The counts of one tenant and period as they stand, one row of {@code tenant_period_counts}; the
 * greatest {@code version} wins in ClickHouse.
 */
public record CountRow(
    String tenant, String periodKind, String period, IndicatorCounts counts, long version) {}
