package io.liangshai.core.record;

/** The level a case is handled at (分级); anything above county counts as escalated. */
public enum EscalationLevel implements WireNamed {
  /** 县级. */
  COUNTY("county"),
  /** 市级. */
  CITY("city"),
  /** 省级. */
  PROVINCE("province");

  private final String wireName;

  EscalationLevel(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** True above county level: the case counts as {@code escalated}. */
  public boolean isEscalated() {
    return this != COUNTY;
  }
}
