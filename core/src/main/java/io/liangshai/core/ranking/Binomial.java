package io.liangshai.core.ranking;

import java.util.SplittableRandom;

/**
 * Binomial draws from a {@link SplittableRandom}, reproducible for a seed on any JDK (only {@code
 * nextDouble} is used). Exact by inversion when {@code n·min(p, 1−p) < 30}; above that, the normal
 * approximation with continuity rounding, whose error is far below what moves a rank.
 */
final class Binomial {

  private static final double INVERSION_LIMIT = 30;

  private Binomial() {}

  static long sample(SplittableRandom random, long n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    boolean flip = p > 0.5;
    double q = flip ? 1 - p : p;
    long k = n * q < INVERSION_LIMIT ? inversion(random, n, q) : normal(random, n, q);
    return flip ? n - k : k;
  }

  /** Walks the CDF up from 0; expected {@code n·q + 1} steps. */
  private static long inversion(SplittableRandom random, long n, double q) {
    double odds = q / (1 - q);
    double pk = Math.pow(1 - q, n);
    double cdf = pk;
    double u = random.nextDouble();
    long k = 0;
    while (u > cdf && k < n) {
      pk *= odds * (n - k) / (k + 1);
      k++;
      cdf += pk;
      if (pk == 0 && k > n * q) {
        break; // u fell in the last ulp of the CDF; the tail beyond is empty in double precision
      }
    }
    return k;
  }

  private static long normal(SplittableRandom random, long n, double q) {
    double mean = n * q;
    double sd = Math.sqrt(mean * (1 - q));
    long k = Math.round(mean + sd * gaussian(random));
    return Math.max(0, Math.min(n, k));
  }

  /** A standard normal draw by Marsaglia's polar method. */
  static double gaussian(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
