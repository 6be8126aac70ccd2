package io.liangshai.core.ranking;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Rank intervals by parametric bootstrap (Goldstein & Spiegelhalter 1996): in each resample every
 * eligible tenant's numerator of every scheme rate is drawn {@code Binomial(n, x/n)} with its
 * denominator {@code n} held fixed, the table is scored and ranked as usual, and each tenant's
 * interval is the 5th to 95th percentile (nearest rank) of its ranks. A scheme indicator that is a
 * mean or a bare value (SPEC §7) has no binomial model: it keeps its observed values in every
 * resample.
 */
final class RankBootstrap {

  private RankBootstrap() {}

  /**
   * @param numerators {@code [indicator][tenant]} observed numerators of the scheme's rates
   * @param denominators {@code [indicator][tenant]} their denominators
   * @param fixed {@code [indicator]} the values of an indicator held fixed, null for a ratio
   */
  static RankInterval[] intervals(
      Scheme scheme,
      long[][] numerators,
      long[][] denominators,
      double[][] fixed,
      int tenants,
      int resamples,
      SplittableRandom random) {
    int indicators = numerators.length;
    double[] weights = Scoring.weights(scheme);
    int[][] ranks = new int[tenants][resamples];
    double[][] values = new double[indicators][tenants];
    for (int b = 0; b < resamples; b++) {
      for (int t = 0; t < tenants; t++) {
        for (int i = 0; i < indicators; i++) {
          if (fixed[i] != null) {
            values[i][t] = fixed[i][t];
            continue;
          }
          long n = denominators[i][t];
          values[i][t] =
              n == 0
                  ? Double.NaN
                  : (double) Binomial.sample(random, n, (double) numerators[i][t] / n) / n;
        }
      }
      BigDecimal[] totals =
          Scoring.totals(weights, Scoring.indicatorScores(scheme, values), tenants);
      int[] resampled = Scoring.ranks(totals);
      for (int t = 0; t < tenants; t++) {
        ranks[t][b] = resampled[t];
      }
    }
    RankInterval[] intervals = new RankInterval[tenants];
    for (int t = 0; t < tenants; t++) {
      int[] sorted = ranks[t];
      Arrays.sort(sorted);
      intervals[t] =
          new RankInterval(sorted[nearestRank(5, resamples)], sorted[nearestRank(95, resamples)]);
    }
    return intervals;
  }

  /** The 0-based index of the {@code percent}th percentile of {@code n} sorted values. */
  static int nearestRank(int percent, int n) {
    int rank = (percent * n + 99) / 100; // ⌈percent·n/100⌉, in integers
    return Math.max(0, Math.min(n - 1, rank - 1));
  }
}
