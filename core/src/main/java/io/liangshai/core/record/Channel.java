package io.liangshai.core.record;

/** How a case reached the tenant (受理渠道). */
public enum Channel implements WireNamed {
  /** 12345 政务服务便民热线. */
  HOTLINE_12345,
  /** 政务服务好差评. */
  GOOD_BAD_REVIEW,
  /** 办事窗口. */
  SERVICE_WINDOW,
  /** 走访企业. */
  ENTERPRISE_VISIT,
  /** 部门转办. */
  DEPARTMENT_REFERRAL,
  /** 领导交办. */
  LEADER_ASSIGNED,
  /** 网上平台. */
  ONLINE_PLATFORM,
  /** 其他. */
  OTHER
}
