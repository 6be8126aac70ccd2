package io.liangshai.tenants;

import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a bearer key into a {@link Principal}: the province admin key from {@code
 * LIANGSHAI_ADMIN_KEY}, or a stored tenant key that is not revoked. Keys are never logged.
 */
public final class Authenticator {

  private final TenantRegistry registry;
  private final ApiKeyStore keys;
  private final byte[] adminKey;

  public Authenticator(TenantRegistry registry, ApiKeyStore keys, String adminKey) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.keys = Objects.requireNonNull(keys, "keys");
    if (adminKey == null || adminKey.length() < 16) {
      throw new IllegalArgumentException("the admin key must be at least 16 characters");
    }
    this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
  }

  public Optional<Principal> authenticate(String secret) throws SQLException {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    if (MessageDigest.isEqual(adminKey, secret.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(new Principal(registry.province(), Principal.ADMIN_KEY_ID, registry));
    }
    Optional<ApiKey> key = keys.findActive(secret);
    return key.flatMap(
        k -> registry.find(k.tenantCode()).map(t -> new Principal(t, k.keyId(), registry)));
  }
}
