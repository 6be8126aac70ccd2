package io.liangshai.api;

import io.liangshai.core.ranking.Scheme;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a scheme with who made it and when; {@code retiredAt} once it may no longer be
 * chosen by id alone. The built-in {@code standard} has no author and is never retired.
 */
public record SchemeVersion(
    Scheme scheme, Instant createdAt, String createdBy, Optional<Instant> retiredAt) {

  public SchemeVersion {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(retiredAt, "retiredAt");
  }

  public boolean isRetired() {
    return retiredAt.isPresent();
  }

  public boolean isBuiltIn() {
    return SchemeStore.isBuiltIn(scheme.id());
  }

  /**
   * The definition plus {@code built_in}, {@code created_at}, {@code created_by}, {@code
   * retired_at}.
   */
  JsonObject toJson() {
    return SchemeJson.toJson(scheme)
        .put("built_in", isBuiltIn())
        .put("created_at", createdAt == null ? null : createdAt.toString())
        .put("created_by", createdBy)
        .put("retired_at", retiredAt.map(Instant::toString).orElse(null));
  }
}
