package io.liangshai.core.ranking;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Uncertainty analysis of the weights (OECD/JRC 2008 Handbook, step 7): in each draw every weight
 * is multiplied by {@code 1 + U(−noise, +noise)} and the weights renormalised to sum to 1; the
 * indicator scores stay as they are; the tenants are re-scored and re-ranked and compared with
 * their ranks under the scheme's own weights.
 */
final class WeightPerturbation {

  /** Per-tenant results, in the order of the scores given, and the group summary. */
  record Result(TenantSensitivity[] tenants, WeightSensitivity summary) {}

  private WeightPerturbation() {}

  static Result run(
      double[] weights,
      double[][] indicatorScores,
      int[] ranks,
      int draws,
      double noise,
      SplittableRandom random) {
    int tenants = ranks.length;
    int[] maxChange = new int[tenants];
    int[] drawsChanged = new int[tenants];
    long sumChange = 0;
    double[] perturbed = new double[weights.length];
    for (int d = 0; d < draws; d++) {
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        perturbed[i] = weights[i] * (1 + noise * (2 * random.nextDouble() - 1));
        sum += perturbed[i];
      }
      for (int i = 0; i < weights.length; i++) {
        perturbed[i] /= sum;
      }
      BigDecimal[] totals = Scoring.totals(perturbed, indicatorScores, tenants);
      int[] drawn = Scoring.ranks(totals);
      for (int t = 0; t < tenants; t++) {
        int change = Math.abs(drawn[t] - ranks[t]);
        sumChange += change;
        maxChange[t] = Math.max(maxChange[t], change);
        if (change != 0) {
          drawsChanged[t]++;
        }
      }
    }
    TenantSensitivity[] perTenant = new TenantSensitivity[tenants];
    int moved = 0;
    int maxOverall = 0;
    for (int t = 0; t < tenants; t++) {
      perTenant[t] = new TenantSensitivity(maxChange[t], (double) drawsChanged[t] / draws);
      moved += maxChange[t] > 0 ? 1 : 0;
      maxOverall = Math.max(maxOverall, maxChange[t]);
    }
    double meanChange = tenants == 0 ? 0 : (double) sumChange / ((long) tenants * draws);
    double shareMoved = tenants == 0 ? 0 : (double) moved / tenants;
    return new Result(
        perTenant, new WeightSensitivity(draws, noise, meanChange, shareMoved, maxOverall));
  }
}
