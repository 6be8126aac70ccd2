package io.liangshai.api;

/**
 * The tenants the API's tests cast, from the shipped Zhejiang list: 湖州市 with two of its counties,
 * and 杭州市 with one of its own. A test names them by role, so an out-of-scope read says so.
 */
final class TestTenants {

  static final String PROVINCE = "330000";

  /** 湖州市. */
  static final String CITY = "330500";

  /** 长兴县, a county of {@link #CITY}. */
  static final String COUNTY = "330522";

  /** 德清县, a county of {@link #CITY} beside {@link #COUNTY}. */
  static final String SIBLING = "330521";

  /** 杭州市. */
  static final String OTHER_CITY = "330100";

  /** 淳安县, a county of {@link #OTHER_CITY}. */
  static final String OTHER_COUNTY = "330127";

  private TestTenants() {}
}
