package io.liangshai.core.ranking;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The 95% interval of a mean or a bare value by the nonparametric percentile bootstrap (Efron &
 * Tibshirani 1993, ch. 13): {@link #RESAMPLES} times, as many observations as there are are drawn
 * with replacement and averaged; the interval is the 2.5th to 97.5th percentile (nearest rank) of
 * those means. Deterministic: the draws come from a {@link SplittableRandom} seeded by the table's
 * seed, the indicator code and the tenant code, so a tenant's interval depends neither on the other
 * tenants nor on their order.
 */
public final class MeanBootstrap {

  /** Resamples per interval. */
  public static final int RESAMPLES = 1000;

  private MeanBootstrap() {}

  /** The interval; null without observations. */
  public static Interval interval95(double[] observations, long seed, String code, String tenant) {
    int n = observations.length;
    if (n == 0) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(seed(seed, code, tenant));
    double[] means = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += observations[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    return new Interval(means[nearestRank(25, RESAMPLES)], means[nearestRank(975, RESAMPLES)]);
  }

  /** The seed of one tenant's interval of one indicator. */
  static long seed(long seed, String code, String tenant) {
    return seed * 31 * 31 + code.hashCode() * 31L + tenant.hashCode();
  }

  /** The 0-based index of the {@code permille}th per-mille point of {@code n} sorted values. */
  private static int nearestRank(int permille, int n) {
    int rank = (int) ((permille * (long) n + 999) / 1000);
    return Math.max(0, Math.min(n - 1, rank - 1));
  }
}
