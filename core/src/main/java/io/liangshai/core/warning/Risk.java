package io.liangshai.core.warning;

import java.util.List;
import java.util.Objects;

/**
 * A case's estimated probability of not being closed by its deadline, with a few words on what
 * drives it ({@code "deadline window 80% used"}).
 */
public record Risk(double probability, List<String> reasons) {

  public Risk {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], found " + probability);
    }
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
  }
}
