package io.liangshai.core.record;

/** How a case reached the tenant (受理渠道). */
public enum Channel implements WireNamed {
  /** 12345 政务服务便民热线. */
  HOTLINE_12345("hotline_12345"),
  /** 政务服务好差评. */
  GOOD_BAD_REVIEW("good_bad_review"),
  /** 办事窗口. */
  SERVICE_WINDOW("service_window"),
  /** 走访企业. */
  ENTERPRISE_VISIT("enterprise_visit"),
  /** 部门转办. */
  DEPARTMENT_REFERRAL("department_referral"),
  /** 领导交办. */
  LEADER_ASSIGNED("leader_assigned"),
  /** 网上平台. */
  ONLINE_PLATFORM("online_platform"),
  /** 其他. */
  OTHER("other");

  private final String wireName;

  Channel(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
