package io.liangshai.core.warning;

import io.liangshai.core.record.WireNamed;

/** Where an open case stands against its deadline (SPEC §8), for the warnings list. */
public enum DeadlineState implements WireNamed {
  /** 已超期: the deadline is before the instant asked about. */
  OVERDUE,
  /** 即将到期: not overdue, at most {@code within} working days left. */
  DUE_SOON,
  /** 正常: more working days left than {@code within}. */
  ON_TRACK
}
