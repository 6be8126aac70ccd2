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
  private final Map<String, PooledRatio> fits = new LinkedHashMap<>();

  CustomIndicators(Scheme scheme, List<TenantFigures> eligible, RobustnessSettings settings) {
    this.scheme = scheme;
    this.settings = settings;
    for (SchemeIndicator indicator : scheme.customIndicators()) {
      long[] x = new long[eligible.size()];
      long[] n = new long[eligible.size()];
      boolean ratio = false;
      for (int t = 0; t < eligible.size(); t++) {
        IndicatorValue value = eligible.get(t).custom(indicator.code()).value();
        if (value.isRatio()) {
          ratio = true;
          x[t] = value.numerator();
          n[t] = value.denominator();
        }
      }
      if (ratio) {
        fits.put(indicator.code(), PooledRatio.fit(x, n));
      }
    }
  }

  /** p₀ of each ratio among them; null when Σ denominators is 0. Means and bare values: absent. */
  Map<String, Double> pooled() {
    Map<String, Double> pooled = new LinkedHashMap<>();
    fits.forEach((code, fit) -> pooled.put(code, fit.p0()));
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
        PooledRatio fit = fits.get(code);
        details.put(
            code,
            new IndicatorDetail(
                code,
                value,
                Wilson.interval95(x, n),
                null,
                fit == null ? null : fit.funnel(x, n, indicator.direction()),
                fit == null ? (n == 0 ? null : (double) x / n) : fit.shrunk(x, n)));
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
