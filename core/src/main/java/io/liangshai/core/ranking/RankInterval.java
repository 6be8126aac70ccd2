package io.liangshai.core.ranking;

/**
 * The 5th and 95th percentiles of a tenant's rank under resampling of its cases (名次区间): {@code p5}
 * is the better (smaller) end.
 */
public record RankInterval(int p5, int p95) {

  public RankInterval {
    if (p5 < 1 || p95 < p5) {
      throw new IllegalArgumentException("expected 1 ≤ p5 ≤ p95, found " + p5 + ", " + p95);
    }
  }
}
