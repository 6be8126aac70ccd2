package io.liangshai.core.record;

/** Where a case stands. */
public enum CaseStatus implements WireNamed {
  /** 受理. */
  RECEIVED,
  /** 交办. */
  ASSIGNED,
  /** 办理中. */
  IN_PROGRESS,
  /** 办结. */
  CLOSED,
  /** 撤件: excluded from every count. */
  WITHDRAWN
}
