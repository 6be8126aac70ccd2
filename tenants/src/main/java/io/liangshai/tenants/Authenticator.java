package io.liangshai.tenants;

import io.liangshai.core.concurrent.DaemonThreads;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.KeyHashing;
import io.liangshai.tenants.keys.KeyLookup;
import io.liangshai.tenants.keys.KeyUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a bearer key into a {@link Principal}: the province admin key from {@code
 * LIANGSHAI_ADMIN_KEY}, or a stored tenant key that is not revoked. Keys are never logged; the
 * caches are keyed by the key's SHA-256, never by the secret.
 *
 * <ul>
 *   <li>A found key is trusted for {@link #CACHE_TTL} without asking the key store again; {@link
 *       #forget} drops it at once when this instance revokes it (another API instance refuses it at
 *       the latest {@code CACHE_TTL} later).
 *   <li>An unknown (or revoked) key is refused for {@link #NEGATIVE_TTL} without asking again, so
 *       that a flood of bad keys costs one query per key; {@link #issued} clears the entry when
 *       this instance issues that key.
 *   <li>Refresh ahead: a key found before whose {@code CACHE_TTL} has run out is honoured at once
 *       while one lookup per key runs on the refresh executor; a request never waits on the store
 *       for a key it found within {@link #STALE_GRACE}. A hung store (a frozen ClickHouse answers
 *       nothing until the socket timeout) thus stalls no upload of a key already known. The refresh
 *       drops a key revoked elsewhere, so another instance refuses it one request later.
 *   <li>Stale on error: while the key store fails, a key found within the last {@link #STALE_GRACE}
 *       is still honoured, so uploads go on while ClickHouse is down. A key unknown to the cache
 *       then fails with the store's {@link SQLException}.
 * </ul>
 */
public final class Authenticator {

  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  /** How long a found key is trusted without asking the key store again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(5);

  /** How long an unknown key is refused without asking the key store again. */
  public static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);

  /** How long after its last successful lookup a key is honoured while the key store fails. */
  public static final Duration STALE_GRACE = Duration.ofMinutes(10);

  private static final int MAX_ENTRIES = 10_000;
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

  private record Found(Principal principal, long freshUntil, long staleUntil) {}

  /** Key hash → the principal found for it. */
  private final ConcurrentHashMap<String, Found> found = new ConcurrentHashMap<>();

  /** Key hash → until when it is known to be unknown (System.nanoTime scale). */
  private final ConcurrentHashMap<String, Long> unknown = new ConcurrentHashMap<>();

  /** Key hashes whose refresh is queued or running. */
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong lastStaleWarning = new AtomicLong(Long.MIN_VALUE);
  private final TenantRegistry registry;
  private final KeyLookup keys;
  private final byte[] adminKey;
  private final KeyUsage usage;
  private final LongSupplier nanoTime;
  private final Executor refresher;

  public Authenticator(TenantRegistry registry, KeyLookup keys, String adminKey) {
    this(registry, keys, adminKey, null);
  }

  /**
   * Also notes each stored key's use in {@code usage} (null: not tracked); refreshes run on {@link
   * #REFRESH_THREADS} daemon threads.
   */
  public Authenticator(TenantRegistry registry, KeyLookup keys, String adminKey, KeyUsage usage) {
    this(registry, keys, adminKey, usage, System::nanoTime, refreshPool());
  }

  /** As above, on the clock {@code nanoTime}, refreshing on {@code refresher} (tests). */
  public Authenticator(
      TenantRegistry registry,
      KeyLookup keys,
      String adminKey,
      KeyUsage usage,
      LongSupplier nanoTime,
      Executor refresher) {
    this.usage = usage;
    this.refresher = Objects.requireNonNull(refresher, "refresher");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (adminKey == null || adminKey.length() < 16) {
      throw new IllegalArgumentException("the admin key must be at least 16 characters");
    }
    this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code secret} is the operator's admin key (compared in constant time). */
  public boolean isAdmin(String secret) {
    return secret != null
        && MessageDigest.isEqual(adminKey, secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The principal of {@code secret}; empty for an unknown or revoked key.
   *
   * @throws SQLException when the key store fails and the key was not found within {@link
   *     #STALE_GRACE}
   */
  public Optional<Principal> authenticate(String secret) throws SQLException {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    if (isAdmin(secret)) {
      return Optional.of(new Principal(registry.province(), Principal.ADMIN_KEY_ID, registry));
    }
    String hash = KeyHashing.sha256Hex(secret);
    long now = nanoTime.getAsLong();
    Found cached = found.get(hash);
    if (cached != null && now - cached.freshUntil() < 0) {
      return touch(cached.principal());
    }
    if (cached != null && now - cached.staleUntil() < 0) {
      refreshAhead(hash, secret);
      // The refresh may have run on the calling thread (and found the key revoked).
      Found current = found.get(hash);
      return current == null ? Optional.empty() : touch(current.principal());
    }
    Long unknownUntil = unknown.get(hash);
    if (cached == null && unknownUntil != null && now - unknownUntil < 0) {
      return Optional.empty();
    }
    Optional<Principal> principal = lookUp(hash, secret, now);
    return principal.isPresent() ? touch(principal.get()) : principal;
  }

  /** Queues one lookup of {@code secret} unless one is queued or running already. */
  private void refreshAhead(String hash, String secret) {
    if (!refreshing.add(hash)) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            try {
              lookUp(hash, secret, nanoTime.getAsLong());
            } catch (SQLException e) {
              // lookUp kept the stale entry and warned.
            } finally {
              refreshing.remove(hash);
            }
          });
    } catch (RejectedExecutionException e) {
      refreshing.remove(hash); // all refresh threads busy: the next request tries again
    }
  }

  /** Asks the key store and updates the caches (a stale entry is kept when the store fails). */
  private Optional<Principal> lookUp(String hash, String secret, long now) throws SQLException {
    Found cached = found.get(hash);
    Optional<ApiKey> key;
    lookups.incrementAndGet();
    try {
      key = keys.findActive(secret);
    } catch (SQLException | RuntimeException e) {
      if (cached != null && now - cached.staleUntil() < 0) {
        warnStale(now, e);
        // Ask again only after another CACHE_TTL: a hanging store costs one wait per key and TTL.
        found.put(
            hash, new Found(cached.principal(), now + CACHE_TTL.toNanos(), cached.staleUntil()));
        return Optional.of(cached.principal());
      }
      throw e instanceof SQLException sql
          ? sql
          : new SQLException("the key store failed: " + e.getMessage(), e);
    }
    Optional<Principal> principal =
        key.flatMap(
            k -> registry.find(k.tenantCode()).map(t -> new Principal(t, k.keyId(), registry)));
    if (principal.isPresent()) {
      unknown.remove(hash);
      put(
          found,
          hash,
          new Found(principal.get(), now + CACHE_TTL.toNanos(), now + STALE_GRACE.toNanos()));
      return principal;
    }
    found.remove(hash);
    put(unknown, hash, now + NEGATIVE_TTL.toNanos());
    return principal;
  }

  /** Whether {@link #authenticate} would ask the key store for {@code secret} now. */
  public boolean needsLookup(String secret) {
    if (secret == null || secret.isBlank() || isAdmin(secret)) {
      return false;
    }
    String hash = KeyHashing.sha256Hex(secret);
    long now = nanoTime.getAsLong();
    Found cached = found.get(hash);
    if (cached != null) {
      return now - cached.freshUntil() >= 0;
    }
    Long unknownUntil = unknown.get(hash);
    return unknownUntil == null || now - unknownUntil >= 0;
  }

  /** The key id {@code secret} was last found with, without asking the key store. */
  public Optional<String> cachedKeyId(String secret) {
    Found cached = found.get(KeyHashing.sha256Hex(secret));
    return cached == null ? Optional.empty() : Optional.of(cached.principal().keyId());
  }

  /** How many times the key store was asked (each at most one query). */
  public long lookups() {
    return lookups.get();
  }

  /** A key this instance has just issued is not unknown any more. */
  public void issued(String secret) {
    unknown.remove(KeyHashing.sha256Hex(secret));
  }

  /** Stops trusting a key at once on this instance (after revoking it), stale or not. */
  public void forget(String keyId) {
    found.values().removeIf(c -> c.principal().keyId().equals(keyId));
  }

  /** Threads that refresh keys ahead; each may wait up to the store's socket timeout. */
  static final int REFRESH_THREADS = 2;

  private static Executor refreshPool() {
    return new ThreadPoolExecutor(
        REFRESH_THREADS,
        REFRESH_THREADS,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1_000),
        DaemonThreads.numbered("key-refresh-"),
        new ThreadPoolExecutor.AbortPolicy());
  }

  private static <V> void put(Map<String, V> map, String hash, V value) {
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
    map.put(hash, value);
  }

  private void warnStale(long now, Exception e) {
    long last = lastStaleWarning.get();
    if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY_NANOS)
        && lastStaleWarning.compareAndSet(last, now)) {
      LOG.warn(
          "the key store failed ({}); honouring keys found within the last {} from the cache",
          e.toString(),
          STALE_GRACE);
    }
  }

  private Optional<Principal> touch(Principal p) {
    if (usage != null) {
      usage.touch(p.keyId());
    }
    return Optional.of(p);
  }
}
