package io.liangshai.core.record;

/** Where a case stands. */
public enum CaseStatus implements WireNamed {
  /** 受理. */
  RECEIVED("received"),
  /** 交办. */
  ASSIGNED("assigned"),
  /** 办理中. */
  IN_PROGRESS("in_progress"),
  /** 办结. */
  CLOSED("closed"),
  /** 撤件: excluded from every count. */
  WITHDRAWN("withdrawn");

  private final String wireName;

  CaseStatus(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
