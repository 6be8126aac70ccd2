package io.liangshai.core.ranking;

/**
 * The empirical-Bayes prior of one rate over a group's eligible tenants: a beta distribution with
 * mean {@code mean} and intra-class correlation {@code rho = 1/(α+β+1)}, fitted by the method of
 * moments. A tenant's shrunk rate (收缩估计) is {@code (x + α)/(n + α + β)} = {@code mean + B·(x/n −
 * mean)} with {@code B = nρ/(nρ + 1 − ρ)}: small tenants move toward the mean, large ones barely.
 * {@code rho = 0} means the spread between tenants is no more than binomial noise (shrink fully to
 * the mean); {@code rho = 1} means no shrinkage.
 */
public record BetaBinomialPrior(double mean, double rho) {

  public BetaBinomialPrior {
    if (!(mean >= 0 && mean <= 1)) {
      throw new IllegalArgumentException("mean must be from 0 to 1, was " + mean);
    }
    if (!(rho >= 0 && rho <= 1)) {
      throw new IllegalArgumentException("rho must be from 0 to 1, was " + rho);
    }
  }

  /**
   * Fits the prior to tenants' {@code x[i]} of {@code n[i]} (those with {@code n[i] = 0} are
   * skipped): with {@code k} tenants, raw rates {@code pᵢ}, {@code m} their mean, {@code v} their
   * sample variance and {@code h} the mean of {@code 1/nᵢ}, {@code rho = (v/(m(1−m)) − h)/(1 − h)}
   * clamped to 0–1. Null when fewer than two tenants have a denominator or every one is 1.
   */
  public static BetaBinomialPrior fit(long[] x, long[] n) {
    int k = 0;
    double sumP = 0;
    double sumInvN = 0;
    for (int i = 0; i < n.length; i++) {
      if (n[i] > 0) {
        k++;
        sumP += (double) x[i] / n[i];
        sumInvN += 1.0 / n[i];
      }
    }
    double h = sumInvN / Math.max(k, 1);
    if (k < 2 || h >= 1) {
      return null;
    }
    double m = sumP / k;
    double squares = 0;
    for (int i = 0; i < n.length; i++) {
      if (n[i] > 0) {
        double d = (double) x[i] / n[i] - m;
        squares += d * d;
      }
    }
    double binomial = m * (1 - m);
    if (binomial == 0) {
      return new BetaBinomialPrior(m, 0);
    }
    double rho = (squares / (k - 1) / binomial - h) / (1 - h);
    return new BetaBinomialPrior(m, Math.max(0, Math.min(1, rho)));
  }

  /** The weight {@code B} the raw rate of a tenant with denominator {@code n} keeps. */
  public double weightOnRaw(long n) {
    if (n == 0) {
      return 0;
    }
    double nr = n * rho;
    return nr / (nr + 1 - rho);
  }

  /** The shrunk rate of {@code x/n}, or null when {@code n = 0}. */
  public Double shrink(long x, long n) {
    if (n == 0) {
      return null;
    }
    double raw = (double) x / n;
    return mean + weightOnRaw(n) * (raw - mean);
  }
}
