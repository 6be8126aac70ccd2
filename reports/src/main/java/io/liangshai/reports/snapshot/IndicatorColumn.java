package io.liangshai.reports.snapshot;

/**
 * A defined indicator (SPEC §7) that the bulletin's scheme weights, printed as a column of every
 * league table after the four built-in rates.
 *
 * @param code the indicator code
 * @param name its Chinese name in force at publication (the code if it has none any more)
 * @param kind {@code case_ratio}, {@code case_mean_days} or {@code reported}
 */
public record IndicatorColumn(String code, String name, String kind) {}
