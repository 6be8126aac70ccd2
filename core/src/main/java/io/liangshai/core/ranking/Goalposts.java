package io.liangshai.core.ranking;

/**
 * The fixed goalposts of an indicator under {@link Normalisation#TARGET}, in the indicator's unit:
 * a higher-better indicator scores 0 at or below {@code lower} and 100 at or above {@code upper}; a
 * lower-better one scores 100 at or below {@code lower} and 0 at or above {@code upper}; linear in
 * between. Goalposts of a rate ({@code rate}, the two-argument constructor) lie from 0 to 1; those
 * of a mean or a bare value ({@link #inUnits}) are any finite numbers.
 */
public record Goalposts(double lower, double upper, boolean rate) {

  public Goalposts {
    if (rate && !(lower >= 0 && lower <= 1)) {
      throw new InvalidSchemeException(
          "goalposts.lower", "must be a rate from 0 to 1, was " + lower);
    }
    if (rate && !(upper >= 0 && upper <= 1)) {
      throw new InvalidSchemeException(
          "goalposts.upper", "must be a rate from 0 to 1, was " + upper);
    }
    if (!Double.isFinite(lower)) {
      throw new InvalidSchemeException("goalposts.lower", "must be a finite number, was " + lower);
    }
    if (!Double.isFinite(upper)) {
      throw new InvalidSchemeException("goalposts.upper", "must be a finite number, was " + upper);
    }
    if (!(lower < upper)) {
      throw new InvalidSchemeException(
          "goalposts.upper", "must be greater than lower " + lower + ", was " + upper);
    }
  }

  /** Goalposts of a rate, from 0 to 1. */
  public Goalposts(double lower, double upper) {
    this(lower, upper, true);
  }

  /** Goalposts in the unit of a mean or a bare value (days, a score, ...). */
  public static Goalposts inUnits(double lower, double upper) {
    return new Goalposts(lower, upper, false);
  }

  /** The 0–100 score of {@code x}, clamped. */
  double score(double x, Direction direction) {
    double share =
        direction == Direction.HIGHER_BETTER
            ? (x - lower) / (upper - lower)
            : (upper - x) / (upper - lower);
    return 100.0 * Math.max(0.0, Math.min(1.0, share));
  }
}
