package io.liangshai.tenants;

import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.ApiKeyStore;
import io.liangshai.tenants.keys.KeyUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a bearer key into a {@link Principal}: the province admin key from {@code
 * LIANGSHAI_ADMIN_KEY}, or a stored tenant key that is not revoked. Keys are never logged.
 *
 * <p>A found key is remembered for {@link #CACHE_TTL} so that not every request queries ClickHouse;
 * {@link #forget} drops it at once when this instance revokes it (another API instance refuses it
 * at the latest {@code CACHE_TTL} later).
 */
public final class Authenticator {

  /** How long a found key is trusted without asking the key store again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Principal principal, long expiresAtNanos) {}

  private final TenantRegistry registry;
  private final ApiKeyStore keys;
  private final byte[] adminKey;
  private final KeyUsage usage;

  public Authenticator(TenantRegistry registry, ApiKeyStore keys, String adminKey) {
    this(registry, keys, adminKey, null);
  }

  /** Also notes each stored key's use in {@code usage} (null: not tracked). */
  public Authenticator(TenantRegistry registry, ApiKeyStore keys, String adminKey, KeyUsage usage) {
    this.usage = usage;
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
    String hash = ApiKeyStore.hash(secret);
    Cached cached = cache.get(hash);
    long now = System.nanoTime();
    if (cached != null && now - cached.expiresAtNanos() < 0) {
      touch(cached.principal());
      return Optional.of(cached.principal());
    }
    Optional<ApiKey> key = keys.findActive(secret);
    Optional<Principal> principal =
        key.flatMap(
            k -> registry.find(k.tenantCode()).map(t -> new Principal(t, k.keyId(), registry)));
    if (principal.isPresent()) {
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(hash, new Cached(principal.get(), now + CACHE_TTL.toNanos()));
      touch(principal.get());
    } else {
      cache.remove(hash);
    }
    return principal;
  }

  private void touch(Principal p) {
    if (usage != null) {
      usage.touch(p.keyId());
    }
  }

  /** Stops trusting a key at once on this instance (after revoking it). */
  public void forget(String keyId) {
    cache.values().removeIf(c -> c.principal().keyId().equals(keyId));
  }
}
