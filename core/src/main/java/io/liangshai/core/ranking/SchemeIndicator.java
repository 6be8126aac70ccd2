package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import java.util.regex.Pattern;

/**
 * One indicator of a scheme with its weight and direction: a built-in rate of SPEC §3 or any
 * indicator code of SPEC §7 ({@code code}); {@code goalposts} only for {@link Normalisation#TARGET}
 * (null otherwise allowed, and ignored by the other methods). Whether a code other than a built-in
 * rate is in force is for the catalog to say, not for this value.
 */
public record SchemeIndicator(
    String code, double weight, Direction direction, Goalposts goalposts) {

  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

  public SchemeIndicator {
    if (code == null) {
      throw new InvalidSchemeException("rate", "is required");
    }
    Indicator builtIn = Indicator.byWireName(code).orElse(null);
    if (builtIn != null && !builtIn.isRate()) {
      throw new InvalidSchemeException("rate", code + " is a count; a scheme scores rates only");
    }
    if (builtIn == null && !CODE.matcher(code).matches()) {
      throw new InvalidSchemeException(
          "rate", "must be an indicator code matching " + CODE + ", was \"" + code + "\"");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new InvalidSchemeException(
          "weight", "of " + code + " must be a finite number > 0, was " + weight);
    }
    if (direction == null) {
      throw new InvalidSchemeException("direction", "of " + code + " is required");
    }
    if (builtIn != null && goalposts != null && !goalposts.rate()) {
      throw new InvalidSchemeException(
          "goalposts", "of " + code + " must be rates from 0 to 1, the rate's unit");
    }
  }

  public SchemeIndicator(Indicator rate, double weight, Direction direction, Goalposts goalposts) {
    this(rate == null ? null : rate.wireName(), weight, direction, goalposts);
  }

  public SchemeIndicator(Indicator rate, double weight, Direction direction) {
    this(rate, weight, direction, null);
  }

  /** The built-in rate of SPEC §3 this entry scores; null for any other indicator code. */
  public Indicator rate() {
    return Indicator.byWireName(code).orElse(null);
  }

  /** Whether this entry scores one of the four built-in rates. */
  public boolean isBuiltIn() {
    return rate() != null;
  }
}
