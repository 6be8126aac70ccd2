package io.liangshai.core.record;

/** The five 好差评 levels an enterprise can rate a case with. */
public enum Satisfaction implements WireNamed {
  /** 非常满意. */
  VERY_SATISFIED("very_satisfied", true),
  /** 满意. */
  SATISFIED("satisfied", true),
  /** 基本满意. */
  BASICALLY_SATISFIED("basically_satisfied", true),
  /** 不满意. */
  DISSATISFIED("dissatisfied", false),
  /** 非常不满意. */
  VERY_DISSATISFIED("very_dissatisfied", false);

  private final String wireName;
  private final boolean satisfied;

  Satisfaction(String wireName, boolean satisfied) {
    this.wireName = wireName;
    this.satisfied = satisfied;
  }

  @Override
  public String wireName() {
    return wireName;
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
