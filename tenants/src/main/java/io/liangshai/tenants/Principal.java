package io.liangshai.tenants;

import io.liangshai.core.lang.Required;

/**
 * Who is calling: the tenant a key acts for. Its scope is that tenant and its descendants — the
 * province sees everything, a city itself and its counties, a county itself.
 *
 * @param tenant the key's tenant
 * @param keyId the key's id, {@code admin} for the province admin key from the environment
 */
public record Principal(Tenant tenant, String keyId, TenantRegistry registry) {

  public static final String ADMIN_KEY_ID = "admin";

  public Principal {
    Required.nonNull("tenant keyId registry", tenant, keyId, registry);
  }

  public String tenantCode() {
    return tenant.code();
  }

  /** The province office: administers tenants, keys, schemes and bulletins. */
  public boolean isProvince() {
    return tenant.level() == TenantLevel.PROVINCE;
  }

  /** Whether {@code code} is this tenant or one of its descendants. */
  public boolean canAccess(String code) {
    return registry.isSelfOrDescendant(tenant.code(), code);
  }

  /**
   * Whether this caller may list, revoke and rotate the keys of {@code code}: the province for
   * every tenant, a city for its own counties (when a county's staff changes, its city can act at
   * once). Issuing new keys stays with the province.
   */
  public boolean canAdministerKeysOf(String code) {
    if (isProvince()) {
      return true;
    }
    return tenant.level() == TenantLevel.CITY
        && registry
            .find(code)
            .filter(t -> t.level() == TenantLevel.COUNTY)
            .flatMap(Tenant::parentCode)
            .filter(tenant.code()::equals)
            .isPresent();
  }

  /** Whether this caller may administer any keys at all (the province or a city). */
  public boolean administersKeys() {
    return tenant.level() != TenantLevel.COUNTY;
  }

  @Override
  public String toString() {
    return "Principal[" + tenant.code() + ", " + keyId + "]";
  }
}
