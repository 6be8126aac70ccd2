package io.liangshai.core.ranking;

/** A closed interval of rates, {@code lower ≤ upper}. */
public record Interval(double lower, double upper) {

  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("interval lower " + lower + " > upper " + upper);
    }
  }

  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }
}
