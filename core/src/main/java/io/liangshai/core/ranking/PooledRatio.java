package io.liangshai.core.ranking;

/**
 * What a group's eligible tenants give one ratio (a built-in rate or a SPEC §7 ratio): the pooled
 * p₀ = Σ numerators / Σ denominators (null when Σ is 0) and the empirical-Bayes prior (null when
 * they give none), and what a tenant's row gets from them: its funnel signal and shrunk value.
 */
record PooledRatio(Double p0, BetaBinomialPrior prior) {

  /** Fits the group from the eligible tenants' numerators {@code x} and denominators {@code n}. */
  static PooledRatio fit(long[] x, long[] n) {
    long sumX = 0;
    long sumN = 0;
    for (int t = 0; t < x.length; t++) {
      sumX += x[t];
      sumN += n[t];
    }
    return new PooledRatio(sumN == 0 ? null : (double) sumX / sumN, BetaBinomialPrior.fit(x, n));
  }

  /** The funnel signal of {@code x/n} against p₀ in {@code direction}. */
  FunnelSignal funnel(long x, long n, Direction direction) {
    return FunnelPlot.signal(x, n, p0, direction);
  }

  /** The empirical-Bayes value of {@code x/n}; the raw value when there is no prior. */
  Double shrunk(long x, long n) {
    Double raw = n == 0 ? null : (double) x / n;
    return prior == null ? raw : prior.shrink(x, n);
  }
}
