package io.liangshai.core.ranking;

/**
 * Funnel-plot control limits around a pooled rate p₀ (Spiegelhalter 2005): {@code p₀ ±
 * z·√(p₀(1−p₀)/n)} for a tenant with denominator {@code n}, and the signal of SPEC §4.5.
 */
public final class FunnelPlot {

  /** 95% two-sided: the {@code below}/{@code above} limits. */
  public static final double Z95 = Wilson.Z95;

  /** 99.8% two-sided: the {@code alarm} limit. */
  public static final double Z998 = 3.090232;

  private FunnelPlot() {}

  /** {@code p₀ ± z·√(p₀(1−p₀)/n)}, not clamped to 0–1. */
  public static Interval limits(double p0, long n, double z) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, was " + n);
    }
    double margin = z * Math.sqrt(p0 * (1 - p0) / n);
    return new Interval(p0 - margin, p0 + margin);
  }

  /**
   * Where {@code x/n} lies against {@code p0}: {@code alarm} strictly beyond the 99.8% limit on the
   * worse side, {@code below} strictly beyond the 95% limit on the worse side, {@code above}
   * strictly beyond the 95% limit on the better side, else {@code within}. Null when {@code n = 0}
   * or {@code p0} is null (no eligible tenant has a denominator).
   */
  public static FunnelSignal signal(long x, long n, Double p0, Direction direction) {
    if (n == 0 || p0 == null) {
      return null;
    }
    double p = (double) x / n;
    Interval l95 = limits(p0, n, Z95);
    Interval l998 = limits(p0, n, Z998);
    boolean higherBetter = direction == Direction.HIGHER_BETTER;
    boolean alarm = higherBetter ? p < l998.lower() : p > l998.upper();
    boolean worse = higherBetter ? p < l95.lower() : p > l95.upper();
    boolean better = higherBetter ? p > l95.upper() : p < l95.lower();
    if (alarm) {
      return FunnelSignal.ALARM;
    }
    if (worse) {
      return FunnelSignal.BELOW;
    }
    return better ? FunnelSignal.ABOVE : FunnelSignal.WITHIN;
  }
}
