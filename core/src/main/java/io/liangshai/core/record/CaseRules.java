package io.liangshai.core.record;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The single-field and cross-field rules of SPEC §2, shared by {@link CaseRecord}'s constructor and
 * {@link CaseRecordValidator} so both say the same thing. Each returns the problem phrased for the
 * user, or empty.
 */
final class CaseRules {

  static final int MAX_CASE_ID_LENGTH = 64;
  private static final Pattern TENANT_CODE = Pattern.compile("[0-9]{6}");
  private static final int NANOS_PER_MICRO = 1_000;

  private CaseRules() {}

  static Optional<String> caseId(String caseId) {
    if (caseId == null || caseId.isBlank()) {
      return Optional.of("is required: expected 1–64 characters, found an empty value");
    }
    if (caseId.length() > MAX_CASE_ID_LENGTH) {
      return Optional.of("expected at most 64 characters, found " + caseId.length());
    }
    return Optional.empty();
  }

  static Optional<String> tenantCode(String tenantCode) {
    if (tenantCode == null || !TENANT_CODE.matcher(tenantCode).matches()) {
      return Optional.of(
          "expected a 6-digit tenant code such as 330522, found "
              + (tenantCode == null ? "nothing" : "\"" + tenantCode + "\""));
    }
    return Optional.empty();
  }

  static Optional<String> precision(Instant instant) {
    if (instant != null && instant.getNano() % NANOS_PER_MICRO != 0) {
      return Optional.of("has more than microsecond precision: use at most 6 fractional digits");
    }
    return Optional.empty();
  }

  static Optional<String> closedAt(CaseStatus status, Instant receivedAt, Instant closedAt) {
    boolean closed = status == CaseStatus.CLOSED;
    if (closed && closedAt == null) {
      return Optional.of("is required when status is closed");
    }
    if (!closed && closedAt != null) {
      return Optional.of(
          "must be empty unless status is closed (status is " + status.wireName() + ")");
    }
    if (closedAt != null && receivedAt != null && closedAt.isBefore(receivedAt)) {
      return Optional.of(
          "must not be before received_at: closed "
              + closedAt
              + " but received "
              + receivedAt
              + " (UTC)");
    }
    return Optional.empty();
  }

  static Optional<String> reassignedCount(long count) {
    if (count < 0) {
      return Optional.of("expected a whole number ≥ 0, found " + count);
    }
    return Optional.empty();
  }
}
