package io.liangshai.api;

import io.liangshai.tenants.Authenticator;
import io.liangshai.tenants.Principal;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer <key>} to a {@link Principal} for every {@code /api/v1}
 * route; an unknown, revoked or missing key gets 401. The lookup runs off the event loop.
 */
final class Authentication implements Handler<RoutingContext> {

  private static final String PRINCIPAL = "liangshai.principal";
  private static final String BEARER = "Bearer ";

  private final Authenticator authenticator;

  Authentication(Authenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  @Override
  public void handle(RoutingContext ctx) {
    // Hold any body until a handler reads it: the key lookup below is asynchronous.
    ctx.request().pause();
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ApiResponses.error(ctx, 401, "missing Authorization: Bearer <key> header");
      return;
    }
    String secret = header.substring(BEARER.length()).strip();
    ctx.vertx()
        .executeBlocking(() -> authenticator.authenticate(secret))
        .onSuccess(
            principal -> {
              if (principal.isEmpty()) {
                ApiResponses.error(ctx, 401, "unknown or revoked key");
              } else {
                ctx.put(PRINCIPAL, principal.get());
                ctx.next();
              }
            })
        .onFailure(ctx::fail);
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
