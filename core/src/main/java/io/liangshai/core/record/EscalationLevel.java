package io.liangshai.core.record;

/** The level a case is handled at (分级); anything above county counts as escalated. */
public enum EscalationLevel implements WireNamed {
  /** 县级. */
  COUNTY,
  /** 市级. */
  CITY,
  /** 省级. */
  PROVINCE;

  /** True above county level: the case counts as {@code escalated}. */
  public boolean isEscalated() {
    return this != COUNTY;
  }
}
