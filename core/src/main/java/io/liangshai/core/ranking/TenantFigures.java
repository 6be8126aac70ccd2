package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.indicator.Indicators;
import java.util.Map;

/**
 * One member of a peer group with its indicators for the period being ranked: the §3 counts and,
 * under {@code custom}, the value of every other indicator code the scheme scores (SPEC §7).
 */
public record TenantFigures(
    String tenant, Indicators indicators, Map<String, IndicatorFigure> custom) {

  /** Figures with the §3 counts only, enough for a scheme of built-in rates. */
  public TenantFigures(String tenant, Indicators indicators) {
    this(tenant, indicators, Map.of());
  }

  public TenantFigures {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("tenant: a tenant code is required");
    }
    if (indicators == null) {
      throw new IllegalArgumentException("indicators of " + tenant + " are required");
    }
    custom = Map.copyOf(custom == null ? Map.of() : custom);
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

  /** The figure of the indicator {@code code}; throws naming the tenant when there is none. */
  public IndicatorFigure custom(String code) {
    IndicatorFigure figure = custom.get(code);
    if (figure == null) {
      throw new IllegalArgumentException("no value of indicator " + code + " for " + tenant);
    }
    return figure;
  }

  /** Cases received, the volume the minimum applies to. */
  public long received() {
    return indicators.counts().received();
  }
}
