package io.liangshai.warehouse;

import java.time.Instant;

/**
 * One row of {@code audit_log} as read by {@link AuditLog#find}.
 *
 * @param detail the row's JSON object, as stored
 */
public record AuditEntry(
    Instant at, String actorTenant, String keyId, String action, String object, String detail) {}
