package io.liangshai.core.governance;

import io.liangshai.core.record.WireNamed;

/** The data-quality flags of SPEC §10 (数据质量), each a pattern of gamed figures. */
public enum QualityFlag implements WireNamed {
  /** ≥ 3 cases with two accepted closed versions whose closed_at differ (回填办结时间). */
  CLOSED_AT_REWRITTEN("closed_at_rewritten"),
  /** ≥ 30% of the closed cases closed in the last hour before their deadline (卡点办结). */
  CLOSED_AT_DEADLINE("closed_at_deadline"),
  /** Withdrawn ≥ 15% of the month and ≥ 3 × the share of the three months before (撤单激增). */
  WITHDRAWAL_SPIKE("withdrawal_spike"),
  /** ≥ 30 rated cases, every one very_satisfied (满意度一边倒). */
  UNIFORM_SATISFACTION("uniform_satisfaction"),
  /** ≥ 20% of the closed cases closed within 10 minutes of receipt (秒办). */
  INSTANT_CLOSING("instant_closing");

  private final String wireName;

  QualityFlag(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
