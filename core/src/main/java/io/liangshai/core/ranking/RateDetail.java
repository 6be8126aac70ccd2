package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;

/**
 * One rate of a league-table row with what tells a real difference from noise.
 *
 * @param value {@code numerator/denominator}, null when the denominator is 0
 * @param wilson the 95% Wilson interval, null when the denominator is 0
 * @param funnel the signal against the group's pooled rate, null when the denominator is 0 or no
 *     eligible tenant has one
 * @param shrunk the empirical-Bayes rate, null when the denominator is 0; equal to {@code value}
 *     when the group gives no prior
 */
public record RateDetail(
    Indicator rate,
    long numerator,
    long denominator,
    Double value,
    Interval wilson,
    FunnelSignal funnel,
    Double shrunk) {}
