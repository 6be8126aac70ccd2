package io.liangshai.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One version of one case: {@code (tenant_code, case_id, updated_at)}, {@code updated_at} to the
 * microsecond (what ingest's H2 index keyed on, and what {@code timestamptz} keeps).
 */
public record RecordVersion(String tenantCode, String caseId, Instant updatedAt) {

  public RecordVersion {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(caseId, "caseId");
    updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
  }
}
