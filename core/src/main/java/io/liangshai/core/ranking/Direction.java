package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.record.WireNamed;

/** Whether a larger value of a rate is better or worse (指标方向). */
public enum Direction implements WireNamed {
  /** 正向指标: a larger value is better, e.g. 办结率. */
  HIGHER_BETTER,
  /** 逆向指标: a smaller value is better, e.g. 超时办结率. */
  LOWER_BETTER;

  /**
   * The direction a rate has when a scheme does not say: resolution and satisfaction rates are
   * higher-better, overdue and recurrence rates lower-better.
   *
   * @throws IllegalArgumentException for a count
   */
  public static Direction natural(Indicator rate) {
    return switch (rate) {
      case RESOLUTION_RATE, SATISFACTION_RATE -> HIGHER_BETTER;
      case OVERDUE_RATE, RECURRENCE_RATE -> LOWER_BETTER;
      default -> throw new IllegalArgumentException(rate.wireName() + " is not a rate");
    };
  }

  /** +1 when higher is better, −1 when lower is better: the sign that turns a value into merit. */
  int sign() {
    return this == HIGHER_BETTER ? 1 : -1;
  }
}
