package io.liangshai.core.record;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one raw input row into a {@link CaseRecord}, or into every problem the row has (SPEC §2).
 *
 * <p>A row is a map from field name to value: JSON gives strings, numbers, booleans and nulls; CSV
 * and XLSX give strings, with null (or an empty string) for an empty cell, {@code true}/{@code
 * false} or {@code 是}/{@code 否} for booleans and digits for numbers. Timestamps must carry an
 * offset; one without is rejected, never guessed. Unknown fields are errors.
 */
public final class CaseRecordValidator {

  private final TenantScope tenantScope;

  /**
   * @param tenantScope decides whether a well-formed tenant code may be accepted
   */
  public CaseRecordValidator(TenantScope tenantScope) {
    this.tenantScope = Objects.requireNonNull(tenantScope, "tenantScope");
  }

  /**
   * Validates one row.
   *
   * @param row field name to raw value
   * @param rowNumber the row's 1-based number within its batch, echoed in every error
   */
  public ValidationResult validate(Map<String, ?> row, int rowNumber) {
    RowReader in = new RowReader(row, rowNumber);
    row.keySet().stream()
        .filter(name -> CaseField.byWireName(name).isEmpty())
        .forEach(in::unknownField);
    CaseRecord record = read(in);
    return in.errors().isEmpty()
        ? ValidationResult.valid(record)
        : ValidationResult.invalid(in.errors());
  }

  private CaseRecord read(RowReader in) {
    String caseId = in.string(CaseField.CASE_ID);
    if (!in.failed(CaseField.CASE_ID)) {
      in.check(CaseField.CASE_ID, CaseRules.caseId(caseId));
    }
    String tenantCode = readTenantCode(in);
    Instant updatedAt = in.instant(CaseField.UPDATED_AT, true);
    String uscc = in.string(CaseField.ENTERPRISE_USCC);
    if (!in.failed(CaseField.ENTERPRISE_USCC)) {
      in.check(CaseField.ENTERPRISE_USCC, Uscc.problem(uscc));
    }
    String enterpriseName = in.string(CaseField.ENTERPRISE_NAME);
    Channel channel = in.enumValue(CaseField.CHANNEL, Channel.class, null);
    Category category = in.enumValue(CaseField.CATEGORY, Category.class, null);
    Instant receivedAt = in.instant(CaseField.RECEIVED_AT, true);
    Instant deadline = in.instant(CaseField.DEADLINE, false);
    CaseStatus status = in.enumValue(CaseField.STATUS, CaseStatus.class, null);
    Instant closedAt = in.instant(CaseField.CLOSED_AT, false);
    if (status != null && !in.failed(CaseField.CLOSED_AT)) {
      in.check(CaseField.CLOSED_AT, CaseRules.closedAt(status, receivedAt, closedAt));
    }
    EscalationLevel escalation =
        in.enumValue(CaseField.ESCALATION_LEVEL, EscalationLevel.class, EscalationLevel.COUNTY);
    int reassignedCount = in.count(CaseField.REASSIGNED_COUNT, 0);
    boolean leaderInstructed = in.bool(CaseField.LEADER_INSTRUCTED, false);
    Satisfaction satisfaction = in.optionalEnum(CaseField.SATISFACTION, Satisfaction.class);
    String description = in.string(CaseField.DESCRIPTION);
    if (!in.errors().isEmpty()) {
      return null;
    }
    return new CaseRecord(
        caseId,
        tenantCode,
        updatedAt,
        uscc,
        enterpriseName,
        channel,
        category,
        receivedAt,
        deadline,
        status,
        closedAt,
        escalation,
        reassignedCount,
        leaderInstructed,
        satisfaction,
        description);
  }

  private String readTenantCode(RowReader in) {
    String tenantCode = in.string(CaseField.TENANT_CODE);
    if (in.failed(CaseField.TENANT_CODE)) {
      return null;
    }
    in.check(CaseField.TENANT_CODE, CaseRules.tenantCode(tenantCode));
    if (!in.failed(CaseField.TENANT_CODE)) {
      in.check(CaseField.TENANT_CODE, tenantScope.rejection(tenantCode));
    }
    return tenantCode;
  }
}
