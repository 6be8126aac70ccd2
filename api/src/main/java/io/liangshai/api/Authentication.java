package io.liangshai.api;

import io.liangshai.tenants.Authenticator;
import io.liangshai.tenants.Principal;
import io.liangshai.tenants.keys.KeyHashing;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Principal} for every {@code /api/v1}
 * route; an unknown, revoked or missing key gets 401 with {@code WWW-Authenticate}.
 *
 * <p>Rate limits come before any lookup: each presented key (by its hash) has its requests per
 * minute (429 with {@code Retry-After}; the operator's admin key is exempt), and each client
 * address may have at most {@link #UNKNOWN_KEYS_PER_MINUTE} keys a minute looked up and not found,
 * so that a flood of random keys costs no key-store query. The lookup runs on the {@code auth}
 * pool; when the key store fails for a key not found before, the answer is 503 with {@code
 * Retry-After}.
 */
final class Authentication implements Handler<RoutingContext> {

  /** Keys looked up and not found, per client address and minute, before lookups stop. */
  static final int UNKNOWN_KEYS_PER_MINUTE = 30;

  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);

  static final String CHALLENGE = "Bearer realm=\"liangshai\"";
  private static final String PRINCIPAL = "liangshai.principal";
  private static final String BEARER = "Bearer ";
  private static final int KEY_STORE_RETRY_SECONDS = 5;

  private final Authenticator authenticator;
  private final RateLimit perKey;
  private final RateLimit unknownPerAddress;

  Authentication(Authenticator authenticator, int requestsPerMinute) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.perKey = new RateLimit(requestsPerMinute);
    this.unknownPerAddress = new RateLimit(UNKNOWN_KEYS_PER_MINUTE);
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Hold any body until a handler reads it: the key lookup below is asynchronous.
    ctx.request().pause();
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      unauthorized(ctx, CHALLENGE, "missing Authorization: Bearer <key> header");
      return;
    }
    String secret = header.substring(BEARER.length()).strip();
    if (secret.isEmpty()) {
      unauthorized(ctx, CHALLENGE, "missing Authorization: Bearer <key> header");
      return;
    }
    if (!authenticator.isAdmin(secret) && !withinLimits(ctx, secret)) {
      return;
    }
    boolean lookup = authenticator.needsLookup(secret);
    String address = address(ctx);
    if (lookup) {
      long wait = unknownPerAddress.take(address);
      if (wait > 0) {
        tooMany(
            ctx,
            wait,
            "more than " + UNKNOWN_KEYS_PER_MINUTE + " unknown keys in a minute from " + address);
        return;
      }
    }
    Blocking.auth(ctx, () -> authenticator.authenticate(secret))
        .onSuccess(
            principal -> {
              if (principal.isEmpty()) {
                unauthorized(
                    ctx, CHALLENGE + ", error=\"invalid_token\"", "unknown or revoked key");
                return;
              }
              if (lookup) {
                unknownPerAddress.giveBack(address);
              }
              ctx.put(PRINCIPAL, principal.get());
              ctx.next();
            })
        .onFailure(
            e -> {
              LOG.warn("key lookup failed: {}", e.toString());
              if (lookup) {
                unknownPerAddress.giveBack(address);
              }
              ctx.response().putHeader("Retry-After", Integer.toString(KEY_STORE_RETRY_SECONDS));
              ApiResponses.error(
                  ctx,
                  503,
                  "the key store (PostgreSQL) did not answer, so this key could not be checked;"
                      + " retry after "
                      + KEY_STORE_RETRY_SECONDS
                      + " s");
            });
  }

  /** The presented key's requests per minute; false when it was refused with 429. */
  private boolean withinLimits(RoutingContext ctx, String secret) {
    long wait = perKey.take(KeyHashing.sha256Hex(secret));
    if (wait == 0) {
      return true;
    }
    String who = authenticator.cachedKeyId(secret).map(id -> "key " + id).orElse("this key");
    tooMany(ctx, wait, who + " made more than " + perKey.perMinute() + " requests in a minute");
    return false;
  }

  private static void tooMany(RoutingContext ctx, long waitNanos, String what) {
    long seconds = RateLimit.seconds(waitNanos);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    ApiResponses.error(ctx, 429, what + "; retry after " + seconds + " s");
  }

  private static void unauthorized(RoutingContext ctx, String challenge, String message) {
    ctx.response().putHeader("WWW-Authenticate", challenge);
    ApiResponses.error(ctx, 401, message);
  }

  private static String address(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }

  static Principal principal(RoutingContext ctx) {
    return Optional.<Principal>ofNullable(ctx.get(PRINCIPAL))
        .orElseThrow(() -> new IllegalStateException("route is not behind authentication"));
  }

  /** Only the province office may do this. */
  static Principal requireProvince(RoutingContext ctx, String what) {
    Principal p = principal(ctx);
    if (!p.isProvince()) {
      throw ApiException.forbidden("only the province may " + what);
    }
    return p;
  }

  /** The caller's scope must cover {@code tenantCode}. */
  static Principal requireScope(RoutingContext ctx, String tenantCode) {
    Principal p = principal(ctx);
    if (!p.canAccess(tenantCode)) {
      throw ApiException.forbidden(
          "tenant "
              + tenantCode
              + " is outside the scope of key "
              + p.keyId()
              + " (tenant "
              + p.tenantCode()
              + ")");
    }
    return p;
  }
}
