package io.liangshai.core.ranking;

import io.liangshai.core.evaluation.IndicatorValue;

/**
 * One indicator of a league-table row other than the four built-in rates (SPEC §7), with what tells
 * a real difference from noise: for a ratio, exactly what {@link RateDetail} has for a built-in
 * rate; for a mean or a bare value, a percentile bootstrap interval and no funnel signal.
 *
 * @param code the indicator code
 * @param value the tenant's value, with its numerator and denominator or its number of cases
 * @param wilson the 95% Wilson interval of a ratio; null for a mean or a bare value, or when d = 0
 * @param bootstrap the 95% bootstrap interval of a mean or a bare value ({@link MeanBootstrap});
 *     null for a ratio, without a value, or when the table was computed without resamples
 * @param funnel a ratio's signal against the group's pooled ratio; always null for a mean or a bare
 *     value (they have no binomial limits)
 * @param shrunk a ratio's empirical-Bayes value; null for a mean or a bare value
 */
public record IndicatorDetail(
    String code,
    IndicatorValue value,
    Interval wilson,
    Interval bootstrap,
    FunnelSignal funnel,
    Double shrunk) {}
