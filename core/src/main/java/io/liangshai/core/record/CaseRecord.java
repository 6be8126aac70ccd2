package io.liangshai.core.record;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of one enterprise problem case (涉企问题件), SPEC §2. Timestamps are parsed instants: the
 * offset they were written with is not kept, so the same record sent with another offset, or as CSV
 * instead of JSON, is equal to this one.
 *
 * <p>The constructor enforces every rule and bound of SPEC §2 except whether the tenant is known
 * (that depends on the registry; see {@link TenantScope}) and the latest allowed timestamp (366
 * days after the time of upload, which a record does not know); use {@link CaseRecordValidator} to
 * turn untrusted input into records with errors a user can act on.
 *
 * @param deadline the deadline as given, or null; a derived deadline is never stored here
 * @param closedAt set iff {@code status} is {@link CaseStatus#CLOSED}
 * @param satisfaction the 好差评 rating, or null when not rated
 */
public record CaseRecord(
    String caseId,
    String tenantCode,
    Instant updatedAt,
    String enterpriseUscc,
    String enterpriseName,
    Channel channel,
    Category category,
    Instant receivedAt,
    Instant deadline,
    CaseStatus status,
    Instant closedAt,
    EscalationLevel escalationLevel,
    int reassignedCount,
    boolean leaderInstructed,
    Satisfaction satisfaction,
    String description) {

  public CaseRecord {
    check(CaseField.CASE_ID, CaseRules.caseId(caseId));
    check(CaseField.TENANT_CODE, CaseRules.tenantCode(tenantCode));
    check(CaseField.ENTERPRISE_USCC, Uscc.problem(enterpriseUscc));
    required(CaseField.UPDATED_AT, updatedAt);
    required(CaseField.CHANNEL, channel);
    required(CaseField.CATEGORY, category);
    required(CaseField.RECEIVED_AT, receivedAt);
    required(CaseField.STATUS, status);
    required(CaseField.ESCALATION_LEVEL, escalationLevel);
    check(CaseField.UPDATED_AT, CaseRules.precision(updatedAt));
    check(CaseField.RECEIVED_AT, CaseRules.precision(receivedAt));
    check(CaseField.DEADLINE, CaseRules.precision(deadline));
    check(CaseField.CLOSED_AT, CaseRules.precision(closedAt));
    check(CaseField.UPDATED_AT, CaseRules.notTooEarly(updatedAt));
    check(CaseField.RECEIVED_AT, CaseRules.notTooEarly(receivedAt));
    check(CaseField.CLOSED_AT, CaseRules.notTooEarly(closedAt));
    check(CaseField.DEADLINE, CaseRules.deadline(receivedAt, deadline));
    check(CaseField.CLOSED_AT, CaseRules.closedAt(status, receivedAt, closedAt));
    check(CaseField.REASSIGNED_COUNT, CaseRules.reassignedCount(reassignedCount));
    check(
        CaseField.ENTERPRISE_NAME,
        CaseRules.maxLength(enterpriseName, CaseRules.MAX_ENTERPRISE_NAME));
    check(CaseField.DESCRIPTION, CaseRules.maxLength(description, CaseRules.MAX_DESCRIPTION));
    enterpriseName = emptyToNull(enterpriseName);
    description = emptyToNull(description);
  }

  /** True when the status is {@link CaseStatus#CLOSED} (办结). */
  public boolean isClosed() {
    return status == CaseStatus.CLOSED;
  }

  /** True when the status is {@link CaseStatus#WITHDRAWN} (撤件): excluded from every count. */
  public boolean isWithdrawn() {
    return status == CaseStatus.WITHDRAWN;
  }

  /** The given deadline, if the record carries one. */
  public Optional<Instant> givenDeadline() {
    return Optional.ofNullable(deadline);
  }

  /** The identity of the case this record is a version of. */
  public CaseKey key() {
    return new CaseKey(tenantCode, caseId);
  }

  /** SHA-256 (lower-case hex) of the canonical JSON form; equal records have equal hashes. */
  public String contentHash() {
    return CaseRecordCodec.contentHash(this);
  }

  private static void check(CaseField field, Optional<Problem> problem) {
    problem.ifPresent(
        p -> {
          throw new IllegalArgumentException(field.wireName() + " " + p.message());
        });
  }

  private static void required(CaseField field, Object value) {
    Objects.requireNonNull(value, () -> field.wireName() + " is required");
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
