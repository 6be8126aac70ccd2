package io.liangshai.core.record;

/** The 1+8+N sections a case belongs to. */
public enum Category implements WireNamed {
  /** 综合. */
  GENERAL,
  /** 项目. */
  PROJECT,
  /** 政策. */
  POLICY,
  /** 金融. */
  FINANCE,
  /** 人才. */
  TALENT,
  /** 法治. */
  LEGAL,
  /** 创新. */
  INNOVATION,
  /** 开放. */
  OPENING,
  /** 数据. */
  DATA,
  /** 其他 (the N). */
  OTHER
}
