package io.liangshai.core.record;

import java.util.Objects;

/**
 * Identifies a case across its versions: {@code case_id} is unique within its tenant. Every place
 * that needs the key of a case as one string (the stream job keys its operators by it) takes it
 * from {@link #asString()}.
 */
public record CaseKey(String tenantCode, String caseId) {

  public CaseKey {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(caseId, "caseId");
  }

  /**
   * {@code tenant_code|case_id}; unambiguous, since a tenant code is six digits. The form the
   * stream job's keyed state is partitioned by, so it must not change.
   */
  public String asString() {
    return tenantCode + '|' + caseId;
  }

  @Override
  public String toString() {
    return tenantCode + "/" + caseId;
  }
}
