package io.liangshai.core.record;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one raw input row into a {@link CaseRecord}, or into every problem the row has (SPEC §2).
 *
 * <p>A row is a map from field name to value: JSON gives strings, numbers, booleans and nulls; CSV
 * and XLSX give strings, with null (or an empty string) for an empty cell, {@code true}/{@code
 * false} or {@code 是}/{@code 否} for booleans and digits for numbers. Timestamps must carry an
 * offset; one without is rejected, never guessed. Unknown fields are errors.
 *
 * <p>Every bound of SPEC §2 is a row error naming the field and the bound: text lengths in code
 * points, {@code received_at}, {@code updated_at} and {@code closed_at} from
 * 2000-01-01T00:00:00+08:00 to 366 days after the time of upload, a given {@code deadline} from
 * {@code received_at} to 5 years after it, {@code reassigned_count} at most 1,000. The bounds are
 * checked before any arithmetic on the values, so every later computation (working days, periods,
 * microseconds since the epoch) has values it can compute with. No input makes {@link #validate}
 * throw.
 *
 * <p>The time of upload: the intake passes its batch's {@code receivedAt}; a job re-reading landed
 * records uses the time it reads them ({@link #CaseRecordValidator(TenantScope)}). A job runs after
 * the upload, so its now + 366 days is at or after upload + 366 days: the job never rejects a
 * record the intake accepted.
 */
public final class CaseRecordValidator {

  private final TenantScope tenantScope;
  private final InstantSource uploadTime;

  /**
   * A validator for records uploaded now: the time of upload is the clock's time at each {@link
   * #validate}. For re-reading records that were accepted earlier (their upload was before now, so
   * every record the intake accepted still passes).
   *
   * @param tenantScope decides whether a well-formed tenant code may be accepted
   */
  public CaseRecordValidator(TenantScope tenantScope) {
    this(tenantScope, InstantSource.system());
  }

  /**
   * A validator for the rows of a batch uploaded at {@code uploadedAt}.
   *
   * @param tenantScope decides whether a well-formed tenant code may be accepted
   * @param uploadedAt the batch's time of upload, the base of the 366-day bound
   */
  public CaseRecordValidator(TenantScope tenantScope, Instant uploadedAt) {
    this(tenantScope, InstantSource.fixed(Objects.requireNonNull(uploadedAt, "uploadedAt")));
  }

  private CaseRecordValidator(TenantScope tenantScope, InstantSource uploadTime) {
    this.tenantScope = Objects.requireNonNull(tenantScope, "tenantScope");
    this.uploadTime = uploadTime;
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
    CaseRecord record = read(in, uploadTime.instant());
    return in.errors().isEmpty()
        ? ValidationResult.valid(record)
        : ValidationResult.invalid(in.errors());
  }

  private CaseRecord read(RowReader in, Instant uploadedAt) {
    String caseId = in.string(CaseField.CASE_ID);
    if (!in.failed(CaseField.CASE_ID)) {
      in.check(CaseField.CASE_ID, CaseRules.caseId(caseId));
    }
    String tenantCode = readTenantCode(in);
    Instant updatedAt = timestamp(in, CaseField.UPDATED_AT, true, uploadedAt);
    String uscc = in.string(CaseField.ENTERPRISE_USCC);
    if (!in.failed(CaseField.ENTERPRISE_USCC)) {
      in.check(CaseField.ENTERPRISE_USCC, Uscc.problem(uscc));
    }
    String enterpriseName = text(in, CaseField.ENTERPRISE_NAME, CaseRules.MAX_ENTERPRISE_NAME);
    Channel channel = in.enumValue(CaseField.CHANNEL, Channel.class, null);
    Category category = in.enumValue(CaseField.CATEGORY, Category.class, null);
    Instant receivedAt = timestamp(in, CaseField.RECEIVED_AT, true, uploadedAt);
    Instant receivedInBounds = in.failed(CaseField.RECEIVED_AT) ? null : receivedAt;
    Instant deadline = in.instant(CaseField.DEADLINE, false);
    if (!in.failed(CaseField.DEADLINE)) {
      in.check(CaseField.DEADLINE, CaseRules.deadline(receivedInBounds, deadline));
    }
    CaseStatus status = in.enumValue(CaseField.STATUS, CaseStatus.class, null);
    Instant closedAt = timestamp(in, CaseField.CLOSED_AT, false, uploadedAt);
    if (status != null && !in.failed(CaseField.CLOSED_AT)) {
      in.check(CaseField.CLOSED_AT, CaseRules.closedAt(status, receivedInBounds, closedAt));
    }
    EscalationLevel escalation =
        in.enumValue(CaseField.ESCALATION_LEVEL, EscalationLevel.class, EscalationLevel.COUNTY);
    int reassignedCount = in.count(CaseField.REASSIGNED_COUNT, 0, CaseRules.MAX_REASSIGNED_COUNT);
    boolean leaderInstructed = in.bool(CaseField.LEADER_INSTRUCTED, false);
    Satisfaction satisfaction = in.optionalEnum(CaseField.SATISFACTION, Satisfaction.class);
    String description = text(in, CaseField.DESCRIPTION, CaseRules.MAX_DESCRIPTION);
    if (!in.errors().isEmpty()) {
      return null;
    }
    try {
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
    } catch (IllegalArgumentException | NullPointerException missedByTheChecksAbove) {
      // The checks above are meant to cover the constructor's; if one is missed, the row still
      // gets an error instead of the batch a 500.
      in.rowError(
          Problem.of(
              ErrorCode.ROW_INVALID,
              "not a valid case record: " + missedByTheChecksAbove.getMessage(),
              "reason",
              missedByTheChecksAbove.getMessage()));
      return null;
    }
  }

  /** A timestamp in the window of SPEC §2 (from 2000 to 366 days after the upload). */
  private static Instant timestamp(
      RowReader in, CaseField field, boolean required, Instant uploadedAt) {
    Instant value = in.instant(field, required);
    if (value != null && !in.failed(field)) {
      in.check(field, CaseRules.window(value, uploadedAt));
    }
    return value;
  }

  /** An optional text of at most {@code max} code points. */
  private static String text(RowReader in, CaseField field, int max) {
    String value = in.string(field);
    if (!in.failed(field)) {
      in.check(field, CaseRules.maxLength(value, max));
    }
    return value;
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
