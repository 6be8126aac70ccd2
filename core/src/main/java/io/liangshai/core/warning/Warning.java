package io.liangshai.core.warning;

import java.util.Objects;

/** One row of the warnings list: an open case, its working days left, its state and its risk. */
public record Warning(OpenCase openCase, int workingDaysLeft, DeadlineState state, Risk risk) {

  public Warning {
    Objects.requireNonNull(openCase, "openCase");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(risk, "risk");
  }
}
