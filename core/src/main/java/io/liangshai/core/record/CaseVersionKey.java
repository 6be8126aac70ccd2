package io.liangshai.core.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Names one version of a case (SPEC §2): its {@link CaseKey} and {@code updated_at}, to the
 * microsecond. Two rows with the same version key are the same version: a replay when their
 * contents are equal, a conflict when not ({@link CaseVersions#isConflict}).
 */
public record CaseVersionKey(CaseKey caseKey, Instant updatedAt) {

  private static final char SEPARATOR = '\u001f';

  public CaseVersionKey {
    Objects.requireNonNull(caseKey, "caseKey");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public static CaseVersionKey of(CaseRecord record) {
    return new CaseVersionKey(record.key(), record.updatedAt());
  }

  /**
   * {@code tenant_code␟case_id␟updated_at} (U+001F between, {@code updated_at} in microseconds
   * since the epoch): the form ingest's version index stores, so it must not change.
   */
  public String asString() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
    return caseKey.tenantCode() + SEPARATOR + caseKey.caseId() + SEPARATOR + micros;
  }
}
