package io.liangshai.core.ranking;

/**
 * The Wilson score interval of a binomial proportion {@code x/n}: good at small {@code n} and at 0%
 * and 100%, where the textbook {@code p ± z·√(p(1−p)/n)} collapses to a point.
 */
public final class Wilson {

  /** The two-sided 95% normal quantile. */
  public static final double Z95 = 1.959964;

  private Wilson() {}

  /** The 95% interval of {@code x/n}, or null when {@code n = 0}. */
  public static Interval interval95(long x, long n) {
    return interval(x, n, Z95);
  }

  /**
   * {@code (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, exactly 0 at {@code x = 0} and 1 at
   * {@code x = n}; null when {@code n = 0}.
   */
  public static Interval interval(long x, long n, double z) {
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("expected 0 ≤ x ≤ n, found x=" + x + ", n=" + n);
    }
    if (n == 0) {
      return null;
    }
    double p = (double) x / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
    double lower = x == 0 ? 0.0 : Math.max(0.0, centre - half);
    double upper = x == n ? 1.0 : Math.min(1.0, centre + half);
    return new Interval(lower, upper);
  }
}
