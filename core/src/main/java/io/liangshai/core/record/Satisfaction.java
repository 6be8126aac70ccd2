package io.liangshai.core.record;

/** The five 好差评 levels an enterprise can rate a case with. */
public enum Satisfaction implements WireNamed {
  /** 非常满意. */
  VERY_SATISFIED(true),
  /** 满意. */
  SATISFIED(true),
  /** 基本满意. */
  BASICALLY_SATISFIED(true),
  /** 不满意. */
  DISSATISFIED(false),
  /** 非常不满意. */
  VERY_DISSATISFIED(false);

  private final boolean satisfied;

  Satisfaction(boolean satisfied) {
    this.satisfied = satisfied;
  }

  /** Counts towards {@code satisfied}: very satisfied, satisfied or basically satisfied. */
  public boolean isSatisfied() {
    return satisfied;
  }

  /** Counts towards {@code dissatisfied}: dissatisfied or very dissatisfied. */
  public boolean isDissatisfied() {
    return !satisfied;
  }
}
