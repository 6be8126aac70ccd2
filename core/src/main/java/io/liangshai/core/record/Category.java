package io.liangshai.core.record;

/** The 1+8+N sections a case belongs to. */
public enum Category implements WireNamed {
  /** 综合. */
  GENERAL("general"),
  /** 项目. */
  PROJECT("project"),
  /** 政策. */
  POLICY("policy"),
  /** 金融. */
  FINANCE("finance"),
  /** 人才. */
  TALENT("talent"),
  /** 法治. */
  LEGAL("legal"),
  /** 创新. */
  INNOVATION("innovation"),
  /** 开放. */
  OPENING("opening"),
  /** 数据. */
  DATA("data"),
  /** 其他 (the N). */
  OTHER("other");

  private final String wireName;

  Category(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
