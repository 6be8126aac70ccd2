package io.liangshai.core.record;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether records of a tenant may be accepted: the tenant must be known, and be the
 * uploader or one of its descendants. The registry lives in another module, so callers supply this;
 * core only asks.
 */
@FunctionalInterface
public interface TenantScope {

  /**
   * Why records of {@code tenantCode} (a well-formed 6-digit code) may not be accepted, e.g. {@link
   * #unknown}; empty when they may.
   */
  Optional<Problem> rejection(String tenantCode);

  /**
   * Why a {@code tenant_code} as sent may not be accepted: not 6 digits, else {@link #rejection};
   * empty when it may (for rows other than cases, e.g. reported indicator values).
   */
  default Optional<Problem> problem(String tenantCode) {
    Optional<Problem> malformed = CaseRules.tenantCode(tenantCode);
    return malformed.isPresent() ? malformed : rejection(tenantCode);
  }

  /** Accepts every well-formed code: for re-reading records that were checked when they came in. */
  static TenantScope any() {
    return tenantCode -> Optional.empty();
  }

  /** Accepts exactly the given codes and calls every other one unknown. */
  static TenantScope knownTenants(Set<String> tenantCodes) {
    Set<String> known = Set.copyOf(tenantCodes);
    return tenantCode ->
        known.contains(tenantCode) ? Optional.empty() : Optional.of(unknown(tenantCode));
  }

  /** The rejection of a code outside the scope of the uploader's key. */
  static Problem outOfScope(String tenantCode, String uploader) {
    return Problem.of(
        ErrorCode.TENANT_OUT_OF_SCOPE,
        "tenant "
            + tenantCode
            + " is outside the scope of this key (tenant "
            + uploader
            + " may send its own cases and its counties')",
        "tenant",
        tenantCode,
        "uploader",
        uploader);
  }

  /** The rejection of a code that is not in the tenant registry. */
  static Problem unknown(String tenantCode) {
    return Problem.of(
        ErrorCode.TENANT_UNKNOWN,
        "unknown tenant " + tenantCode + ": not in the tenant registry",
        "tenant",
        tenantCode);
  }
}
