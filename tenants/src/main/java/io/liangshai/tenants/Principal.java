package io.liangshai.tenants;

import java.util.Objects;

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
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(registry, "registry");
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

  @Override
  public String toString() {
    return "Principal[" + tenant.code() + ", " + keyId + "]";
  }
}
