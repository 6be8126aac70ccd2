package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking-integrity columns of the four built-in rates over one group (SPEC §4.5 and beyond):
 * each rate's pooled p₀ and prior over the eligible tenants, and each tenant's Wilson interval,
 * funnel signal and shrunk rate.
 */
final class BuiltInRates {

  private final Scheme scheme;
  private final Map<Indicator, PooledRatio> fits = new EnumMap<>(Indicator.class);

  BuiltInRates(Scheme scheme, List<TenantFigures> eligible) {
    this.scheme = scheme;
    for (Indicator rate : LeagueTable.RATES) {
      long[] x = new long[eligible.size()];
      long[] n = new long[eligible.size()];
      for (int t = 0; t < eligible.size(); t++) {
        x[t] = eligible.get(t).indicators().count(rate.numerator());
        n[t] = eligible.get(t).indicators().count(rate.denominator());
      }
      fits.put(rate, PooledRatio.fit(x, n));
    }
  }

  /** p₀ of each rate; null when Σ denominators is 0. */
  Map<Indicator, Double> pooled() {
    Map<Indicator, Double> pooled = new EnumMap<>(Indicator.class);
    fits.forEach((rate, fit) -> pooled.put(rate, fit.p0()));
    return pooled;
  }

  /** The prior of each rate; absent when the eligible tenants give none. */
  Map<Indicator, BetaBinomialPrior> priors() {
    Map<Indicator, BetaBinomialPrior> priors = new EnumMap<>(Indicator.class);
    fits.forEach(
        (rate, fit) -> {
          if (fit.prior() != null) {
            priors.put(rate, fit.prior());
          }
        });
    return priors;
  }

  /** Every rate's detail for {@code figures}, eligible or not, in SPEC order. */
  Map<Indicator, RateDetail> details(TenantFigures figures) {
    Map<Indicator, RateDetail> details = new EnumMap<>(Indicator.class);
    for (Indicator rate : LeagueTable.RATES) {
      long x = figures.indicators().count(rate.numerator());
      long n = figures.indicators().count(rate.denominator());
      PooledRatio fit = fits.get(rate);
      details.put(
          rate,
          new RateDetail(
              rate,
              x,
              n,
              figures.indicators().rate(rate),
              Wilson.interval95(x, n),
              fit.funnel(x, n, scheme.direction(rate)),
              fit.shrunk(x, n)));
    }
    return Collections.unmodifiableMap(details);
  }
}
