package io.liangshai.tenants.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's API key as stored: never the key itself, only who holds it and since when.
 *
 * @param keyId public identifier, shown in audit records and key lists
 * @param tenantCode the tenant the key acts for; its scope is that tenant and its descendants
 * @param name a label chosen when issuing ("12345 对接", "张三")
 * @param createdAt when it was issued
 * @param createdBy key id of whoever issued it ({@code admin} for the environment's admin key)
 * @param revokedAt when it was revoked; a revoked key is refused at once
 */
public record ApiKey(
    String keyId,
    String tenantCode,
    String name,
    Instant createdAt,
    String createdBy,
    Optional<Instant> revokedAt) {

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
