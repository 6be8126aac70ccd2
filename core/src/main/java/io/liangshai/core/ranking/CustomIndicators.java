package io.liangshai.core.ranking;

import io.liangshai.core.evaluation.IndicatorValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking-integrity columns of a scheme's indicators other than the four built-in rates (SPEC
 * §7) over one group: for a ratio, the pooled ratio of the eligible tenants, the Wilson interval,
 * the funnel signal and the empirical-Bayes value exactly as {@link LeagueTable} gives a built-in
 * rate; for a mean or a bare value, the {@link MeanBootstrap} interval and no funnel signal.
 */
final class CustomIndicators {

  private final Scheme scheme;
  private final RobustnessSettings settings;
  private final Map<String, Double> pooled = new LinkedHashMap<>();
  private final Map<String, BetaBinomialPrior> priors = new LinkedHashMap<>();

  CustomIndicators(Scheme scheme, List<TenantFigures> eligible, RobustnessSettings settings) {
    this.scheme = scheme;
    this.settings = settings;
    for (SchemeIndicator indicator : scheme.customIndicators()) {
      long[] x = new long[eligible.size()];
      long[] n = new long[eligible.size()];
      long sumX = 0;
      long sumN = 0;
      boolean ratio = false;
      for (int t = 0; t < eligible.size(); t++) {
        IndicatorValue value = eligible.get(t).custom(indicator.code()).value();
        if (value.isRatio()) {
          ratio = true;
          x[t] = value.numerator();
          n[t] = value.denominator();
          sumX += x[t];
          sumN += n[t];
        }
      }
      if (ratio) {
        pooled.put(indicator.code(), sumN == 0 ? null : (double) sumX / sumN);
        BetaBinomialPrior prior = BetaBinomialPrior.fit(x, n);
        if (prior != null) {
          priors.put(indicator.code(), prior);
        }
      }
    }
  }

  /** p₀ of each ratio among them; null when Σ denominators is 0. Means and bare values: absent. */
  Map<String, Double> pooled() {
    return Collections.unmodifiableMap(pooled);
  }

  /** The detail of each of them for {@code figures}, eligible or not, in scheme order. */
  Map<String, IndicatorDetail> details(TenantFigures figures) {
    Map<String, IndicatorDetail> details = new LinkedHashMap<>();
    for (SchemeIndicator indicator : scheme.customIndicators()) {
      String code = indicator.code();
      IndicatorFigure figure = figures.custom(code);
      IndicatorValue value = figure.value();
      if (value.isRatio()) {
        long x = value.numerator();
        long n = value.denominator();
        BetaBinomialPrior prior = priors.get(code);
        Double raw = n == 0 ? null : (double) x / n;
        details.put(
            code,
            new IndicatorDetail(
                code,
                value,
                Wilson.interval95(x, n),
                null,
                FunnelPlot.signal(x, n, pooled.get(code), indicator.direction()),
                prior == null ? raw : prior.shrink(x, n)));
      } else {
        Interval bootstrap =
            settings.resamples() > 0 && value.value() != null
                ? MeanBootstrap.interval95(
                    figure.observations(), settings.seed(), code, figures.tenant())
                : null;
        details.put(code, new IndicatorDetail(code, value, null, bootstrap, null, null));
      }
    }
    return Collections.unmodifiableMap(details);
  }
}
