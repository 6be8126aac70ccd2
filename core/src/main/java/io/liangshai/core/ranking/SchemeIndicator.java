package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;

/**
 * One rate of a scheme with its weight and direction; {@code goalposts} only for {@link
 * Normalisation#TARGET} (null otherwise allowed, and ignored by the other methods).
 */
public record SchemeIndicator(
    Indicator rate, double weight, Direction direction, Goalposts goalposts) {

  public SchemeIndicator {
    if (rate == null) {
      throw new InvalidSchemeException("rate", "is required");
    }
    if (!rate.isRate()) {
      throw new InvalidSchemeException(
          "rate", rate.wireName() + " is a count; a scheme scores rates only");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new InvalidSchemeException(
          "weight", "of " + rate.wireName() + " must be a finite number > 0, was " + weight);
    }
    if (direction == null) {
      throw new InvalidSchemeException("direction", "of " + rate.wireName() + " is required");
    }
  }

  public SchemeIndicator(Indicator rate, double weight, Direction direction) {
    this(rate, weight, direction, null);
  }
}
