package io.liangshai.core.ranking;

/**
 * The fixed goalposts of an indicator under {@link Normalisation#TARGET}, in rate units (0–1): a
 * higher-better rate scores 0 at or below {@code lower} and 100 at or above {@code upper}; a
 * lower-better rate scores 100 at or below {@code lower} and 0 at or above {@code upper}; linear in
 * between.
 */
public record Goalposts(double lower, double upper) {

  public Goalposts {
    if (!(lower >= 0 && lower <= 1)) {
      throw new InvalidSchemeException(
          "goalposts.lower", "must be a rate from 0 to 1, was " + lower);
    }
    if (!(upper >= 0 && upper <= 1)) {
      throw new InvalidSchemeException(
          "goalposts.upper", "must be a rate from 0 to 1, was " + upper);
    }
    if (!(lower < upper)) {
      throw new InvalidSchemeException(
          "goalposts.upper", "must be greater than lower " + lower + ", was " + upper);
    }
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
