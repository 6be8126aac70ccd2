package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One member of the group in a league table (SPEC §4). Ranked fields are null for an ineligible
 * tenant; rate details are there for every tenant.
 *
 * @param tenant the tenant code
 * @param indicators its counts and rates for the period
 * @param eligible whether {@code received} reaches the scheme's minimum volume
 * @param ineligibleReason why not, e.g. {@code received 12 < minimum 20}; null when eligible
 * @param indicatorScores each scheme rate's 0–100 score, in scheme order, unrounded; empty when
 *     ineligible
 * @param score {@code Σ wᵢ·sᵢ / Σ wᵢ} rounded half-up to 2 decimals; null when ineligible
 * @param rank 1 for the best; equal scores share a rank; null when ineligible
 * @param previousRank the rank in the previous period of the same length, if any
 * @param rankChange {@code previousRank − rank} (positive = moved up), null if either is null
 * @param rates every rate of SPEC §3 (not only the scheme's), in SPEC order
 * @param rankInterval 5th–95th percentile rank under resampling; null when ineligible or not run
 * @param weightSensitivity how the rank reacts to weight noise; null when ineligible or not run
 * @param custom each scheme indicator other than a built-in rate (SPEC §7), in scheme order
 * @param customScores their 0–100 scores, unrounded; empty when ineligible
 */
public record LeagueRow(
    String tenant,
    Indicators indicators,
    boolean eligible,
    String ineligibleReason,
    Map<Indicator, Double> indicatorScores,
    BigDecimal score,
    Integer rank,
    Integer previousRank,
    Integer rankChange,
    Map<Indicator, RateDetail> rates,
    RankInterval rankInterval,
    TenantSensitivity weightSensitivity,
    Map<String, IndicatorDetail> custom,
    Map<String, Double> customScores) {

  /** Cases received. */
  public long received() {
    return indicators.counts().received();
  }

  /** The detail of {@code rate}. */
  public RateDetail rate(Indicator rate) {
    RateDetail detail = rates.get(rate);
    if (detail == null) {
      throw new IllegalArgumentException(rate.wireName() + " is not a rate");
    }
    return detail;
  }
}
