package io.liangshai.core.ranking;

import java.util.Arrays;

/** Turns one indicator's values over the eligible tenants into 0–100 scores. NaN is missing. */
final class IndicatorScorer {

  private IndicatorScorer() {}

  /**
   * The score of each value under {@code normalisation}: a missing value scores 0; when every
   * present value is equal, the relative methods give each 100.
   */
  static double[] scores(Normalisation normalisation, SchemeIndicator indicator, double[] values) {
    double[] scores = new double[values.length];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    boolean noSpread = min == max;
    for (int t = 0; t < values.length; t++) {
      double x = values[t];
      if (Double.isNaN(x)) {
        scores[t] = 0;
      } else if (normalisation == Normalisation.TARGET) {
        scores[t] = indicator.goalposts().score(x, indicator.direction());
      } else if (noSpread) {
        scores[t] = 100;
      } else {
        scores[t] = Double.NaN; // filled below
      }
    }
    if (normalisation == Normalisation.TARGET || noSpread) {
      return scores;
    }
    Direction direction = indicator.direction();
    switch (normalisation) {
      case MIN_MAX -> minMax(values, min, max, direction, scores);
      case Z_SCORE -> zScore(values, direction, scores);
      case PERCENTILE_RANK -> percentileRank(values, direction, scores);
      default -> throw new IllegalStateException("unhandled normalisation " + normalisation);
    }
    return scores;
  }

  /** Higher-better {@code 100·(x − min)/(max − min)}, lower-better {@code 100·(max − x)/(…)}. */
  private static void minMax(
      double[] values, double min, double max, Direction direction, double[] scores) {
    for (int t = 0; t < values.length; t++) {
      double x = values[t];
      if (!Double.isNaN(x)) {
        scores[t] =
            direction == Direction.HIGHER_BETTER
                ? 100 * (x - min) / (max - min)
                : 100 * (max - x) / (max - min);
      }
    }
  }

  /** {@code 50 ± 10·(x − mean)/sd} (population sd), clamped to 0–100. */
  private static void zScore(double[] values, Direction direction, double[] scores) {
    double sum = 0;
    int k = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        sum += x;
        k++;
      }
    }
    double mean = sum / k;
    double squares = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        squares += (x - mean) * (x - mean);
      }
    }
    double sd = Math.sqrt(squares / k);
    for (int t = 0; t < values.length; t++) {
      double x = values[t];
      if (!Double.isNaN(x)) {
        double z = direction.sign() * (x - mean) / sd;
        scores[t] = Math.max(0, Math.min(100, 50 + 10 * z));
      }
    }
  }

  /** {@code 100·(worse + (equal − 1)/2)/(k − 1)} over the {@code k} present values. */
  private static void percentileRank(double[] values, Direction direction, double[] scores) {
    double[] present = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    int k = present.length;
    for (int t = 0; t < values.length; t++) {
      double x = values[t];
      if (!Double.isNaN(x)) {
        int below = lowerBound(present, x);
        int equal = upperBound(present, x) - below;
        int worse = direction == Direction.HIGHER_BETTER ? below : k - below - equal;
        scores[t] = 100.0 * (worse + (equal - 1) / 2.0) / (k - 1);
      }
    }
  }

  /** The number of elements of sorted {@code a} less than {@code x}. */
  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The number of elements of sorted {@code a} less than or equal to {@code x}. */
  private static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
