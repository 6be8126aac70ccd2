package io.liangshai.core.record;

import java.util.Objects;

/** Identifies a case across its versions: {@code case_id} is unique within its tenant. */
public record CaseKey(String tenantCode, String caseId) {

  public CaseKey {
    Objects.requireNonNull(tenantCode, "tenantCode");
    Objects.requireNonNull(caseId, "caseId");
  }

  @Override
  public String toString() {
    return tenantCode + "/" + caseId;
  }
}
