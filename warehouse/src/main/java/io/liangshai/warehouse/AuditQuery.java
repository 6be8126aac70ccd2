package io.liangshai.warehouse;

import java.time.Instant;
import java.util.Set;

/**
 * Which rows of {@code audit_log} {@link AuditLog#find} answers; every filter but {@code limit} may
 * be null (no filter).
 *
 * @param actorTenant only acts of this tenant
 * @param keyId only acts with this key
 * @param action an action ({@code key.revoke}) or a kind of action ({@code key})
 * @param from acts at or after
 * @param to acts before
 * @param uploadsOf when not null, only upload rows ({@code batch.*}) of these tenants
 * @param limit the most rows answered
 */
public record AuditQuery(
    String actorTenant,
    String keyId,
    String action,
    Instant from,
    Instant to,
    Set<String> uploadsOf,
    int limit) {

  public AuditQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    uploadsOf = uploadsOf == null ? null : Set.copyOf(uploadsOf);
  }
}
