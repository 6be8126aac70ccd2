package io.liangshai.core.record;

import java.util.Optional;

/**
 * The fields of a case record as named in JSON and in CSV/XLSX headers, in canonical order (the
 * order of SPEC §2 and of {@link CaseRecordCodec}'s output).
 */
public enum CaseField implements WireNamed {
  CASE_ID,
  TENANT_CODE,
  UPDATED_AT,
  ENTERPRISE_USCC,
  ENTERPRISE_NAME,
  CHANNEL,
  CATEGORY,
  RECEIVED_AT,
  DEADLINE,
  STATUS,
  CLOSED_AT,
  ESCALATION_LEVEL,
  REASSIGNED_COUNT,
  LEADER_INSTRUCTED,
  SATISFACTION,
  DESCRIPTION;

  /** The field called {@code name} on the wire, if there is one. */
  public static Optional<CaseField> byWireName(String name) {
    return WireNamed.parse(CaseField.class, name);
  }
}
