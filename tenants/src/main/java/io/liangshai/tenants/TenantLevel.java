package io.liangshai.tenants;

import java.util.Locale;

/** Administrative level of a tenant: 省 province, 市 city, 县(市、区) county. */
public enum TenantLevel {
  PROVINCE,
  CITY,
  COUNTY;

  /**
   * The wire name used in the registry CSV and the API: {@code province}, {@code city}, {@code
   * county}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TenantLevel fromWireName(String name) {
    for (TenantLevel level : values()) {
      if (level.wireName().equals(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown tenant level '" + name + "' (expected province, city or county)");
  }
}
