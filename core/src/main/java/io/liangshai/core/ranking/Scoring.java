package io.liangshai.core.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;

/**
 * SPEC §4 steps 2–4 over the eligible tenants, as arrays indexed {@code [indicator][tenant]}:
 * shared by the table itself, the rank bootstrap and the weight perturbation so all three rank
 * alike.
 */
final class Scoring {

  private Scoring() {}

  /** Each scheme indicator's 0–100 scores; {@code values[i][t]} is NaN where the rate is null. */
  static double[][] indicatorScores(Scheme scheme, double[][] values) {
    double[][] scores = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      scores[i] =
          IndicatorScorer.scores(scheme.normalisation(), scheme.indicators().get(i), values[i]);
    }
    return scores;
  }

  /** {@code Σ wᵢ·sᵢ / Σ wᵢ} for each tenant, rounded half-up to 2 decimals. */
  static BigDecimal[] totals(double[] weights, double[][] scores, int tenants) {
    double totalWeight = 0;
    for (double w : weights) {
      totalWeight += w;
    }
    BigDecimal[] totals = new BigDecimal[tenants];
    for (int t = 0; t < tenants; t++) {
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i] * scores[i][t];
      }
      totals[t] = round(sum / totalWeight);
    }
    return totals;
  }

  /**
   * Half-up to 2 decimals on the exact binary value of {@code score} ({@code new
   * BigDecimal(double)}, not its shortest decimal string).
   */
  static BigDecimal round(double score) {
    return new BigDecimal(score).setScale(2, RoundingMode.HALF_UP);
  }

  /** Competition ranks by score descending: equal scores share a rank (1, 2, 2, 4). */
  static int[] ranks(BigDecimal[] totals) {
    Integer[] order = new Integer[totals.length];
    Arrays.setAll(order, t -> t);
    Arrays.sort(order, Comparator.comparing((Integer t) -> totals[t]).reversed());
    int[] ranks = new int[totals.length];
    for (int position = 0; position < order.length; position++) {
      int t = order[position];
      boolean tied = position > 0 && totals[order[position - 1]].compareTo(totals[t]) == 0;
      ranks[t] = tied ? ranks[order[position - 1]] : position + 1;
    }
    return ranks;
  }

  /** The weights of {@code scheme}, in its order. */
  static double[] weights(Scheme scheme) {
    return scheme.indicators().stream().mapToDouble(SchemeIndicator::weight).toArray();
  }
}
