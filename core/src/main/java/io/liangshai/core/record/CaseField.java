package io.liangshai.core.record;

import java.util.Optional;

/**
 * The fields of a case record as named in JSON and in CSV/XLSX headers, in canonical order (the
 * order of SPEC §2 and of {@link CaseRecordCodec}'s output).
 */
public enum CaseField implements WireNamed {
  CASE_ID("case_id"),
  TENANT_CODE("tenant_code"),
  UPDATED_AT("updated_at"),
  ENTERPRISE_USCC("enterprise_uscc"),
  ENTERPRISE_NAME("enterprise_name"),
  CHANNEL("channel"),
  CATEGORY("category"),
  RECEIVED_AT("received_at"),
  DEADLINE("deadline"),
  STATUS("status"),
  CLOSED_AT("closed_at"),
  ESCALATION_LEVEL("escalation_level"),
  REASSIGNED_COUNT("reassigned_count"),
  LEADER_INSTRUCTED("leader_instructed"),
  SATISFACTION("satisfaction"),
  DESCRIPTION("description");

  private final String wireName;

  CaseField(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** The field called {@code name} on the wire, if there is one. */
  public static Optional<CaseField> byWireName(String name) {
    return WireNamed.parse(CaseField.class, name);
  }
}
