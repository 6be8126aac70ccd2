package io.liangshai.reports.snapshot;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One member of a published league table.
 *
 * @param tenant the tenant code
 * @param name its registry name
 * @param rank null when not ranked
 * @param previousRank its rank in the previous period, if it had one
 * @param rankChange {@code previousRank − rank} (positive = moved up), null if either is null
 * @param score null when not ranked
 * @param ineligibleReason why it is not ranked, e.g. {@code received 12 < minimum 20}; null when
 *     ranked
 * @param figures its indicators for the period
 * @param signals each rate's funnel signal by wire name ({@code above}, {@code within}, {@code
 *     below}, {@code alarm}); a rate without a signal (no denominator) is absent
 * @param custom its value of each of the table's {@link GroupTable#columns()}, by code (empty in
 *     bulletins published before the columns existed)
 */
public record TableRow(
    String tenant,
    String name,
    Integer rank,
    Integer previousRank,
    Integer rankChange,
    BigDecimal score,
    String ineligibleReason,
    Figures figures,
    Map<String, String> signals,
    Map<String, IndicatorCell> custom) {

  public TableRow {
    custom = custom == null ? Map.of() : custom;
  }

  public boolean ranked() {
    return rank != null;
  }
}
