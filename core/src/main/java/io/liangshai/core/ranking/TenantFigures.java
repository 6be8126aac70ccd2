package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;

/** One member of a peer group with its indicators for the period being ranked. */
public record TenantFigures(String tenant, Indicators indicators) {

  public TenantFigures {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("tenant: a tenant code is required");
    }
    if (indicators == null) {
      throw new IllegalArgumentException("indicators of " + tenant + " are required");
    }
    for (Indicator rate : LeagueTable.RATES) {
      long numerator = indicators.count(rate.numerator());
      long denominator = indicators.count(rate.denominator());
      if (numerator < 0 || numerator > denominator) {
        throw new IllegalArgumentException(
            rate.wireName()
                + " of "
                + tenant
                + ": expected 0 ≤ "
                + rate.numerator().wireName()
                + " ≤ "
                + rate.denominator().wireName()
                + ", found "
                + numerator
                + " of "
                + denominator);
      }
    }
  }

  /** Cases received, the volume the minimum applies to. */
  public long received() {
    return indicators.counts().received();
  }
}
