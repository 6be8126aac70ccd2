package io.liangshai.tenants;

import io.liangshai.core.record.WireNamed;

/** Administrative level of a tenant: 省 province, 市 city, 县(市、区) county. */
public enum TenantLevel implements WireNamed {
  PROVINCE,
  CITY,
  COUNTY;

  public static TenantLevel fromWireName(String name) {
    return WireNamed.parse(TenantLevel.class, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown tenant level '"
                        + name
                        + "' (expected "
                        + WireNamed.allowed(TenantLevel.class)
                        + ")"));
  }
}
