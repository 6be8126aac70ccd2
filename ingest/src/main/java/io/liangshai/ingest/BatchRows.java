package io.liangshai.ingest;

import io.liangshai.core.record.CaseRecord;
import io.liangshai.core.record.CaseRecordCodec;
import io.liangshai.core.record.CaseRecordValidator;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.ValidationResult;
import io.liangshai.metadata.RecordVersion;
import io.liangshai.metadata.VersionClaims;
import io.liangshai.metadata.VersionVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pass over the rows of a batch: each row validated, its version claimed through the batch's
 * {@link VersionClaims} (new, an exact duplicate, or a conflict, judged atomically across
 * processes), and the new records written to the batch's records file. Valid rows are claimed
 * {@value #CHUNK} at a time, one round trip each; {@link #finish} claims the rest. A pass that a
 * deadlock ends is thrown away whole and the batch passed again.
 */
final class BatchRows implements Consumer<RawRow> {

  private final CaseRecordValidator validator;
  private final VersionClaims claims;
  private final Writer out;
  private final int maxRows;

  /** Valid rows claimed in one round trip. */
  static final int CHUNK = 500;

  private final List<FieldError> errors = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>(CHUNK);
  private int seen;
  private int accepted;
  private int ignored;
  private int rejected;

  BatchRows(CaseRecordValidator validator, VersionClaims claims, Writer out, int maxRows) {
    this.validator = validator;
    this.claims = claims;
    this.out = out;
    this.maxRows = maxRows;
  }

  @Override
  public void accept(RawRow row) {
    if (++seen > maxRows) {
      throw new TooManyRows();
    }
    try {
      take(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new ClaimFailed(e);
    }
  }

  /** Claims the rows still pending; call once after the last row. */
  void finish() throws IOException, SQLException {
    claimPending();
    errors.sort(Comparator.comparingInt(FieldError::row));
  }

  /** The rows' errors, in row order once {@link #finish} ran. */
  List<FieldError> errors() {
    return errors;
  }

  int accepted() {
    return accepted;
  }

  int ignored() {
    return ignored;
  }

  int rejected() {
    return rejected;
  }

  private void take(RawRow row) throws IOException, SQLException {
    if (!row.readable()) {
      reject(FieldError.of(row.number(), null, null, row.unreadable()));
      return;
    }
    Optional<FieldError> nul = NulCharacters.find(row);
    if (nul.isPresent()) {
      reject(nul.get());
      return;
    }
    ValidationResult result = validator.validate(row.fields(), row.number());
    if (!result.isValid()) {
      errors.addAll(result.errors());
      rejected++;
      return;
    }
    CaseRecord record = result.record();
    String json = CaseRecordCodec.toJson(record);
    pending.add(new Pending(row.number(), record, json, CaseRecordCodec.contentHashOfJson(json)));
    if (pending.size() == CHUNK) {
      claimPending();
    }
  }

  private void claimPending() throws IOException, SQLException {
    if (pending.isEmpty()) {
      return;
    }
    List<VersionVerdict> verdicts =
        claims.claimAll(
            pending.stream().map(p -> versionOf(p.record())).toList(),
            pending.stream().map(Pending::hash).toList());
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      switch (verdicts.get(i)) {
        case NEW -> {
          out.write(p.json());
          out.write('\n');
          accepted++;
        }
        case DUPLICATE -> ignored++;
        case CONFLICT -> reject(conflict(p.row(), p.record()));
      }
    }
    pending.clear();
  }

  /** A valid row waiting for its claim. */
  private record Pending(int row, CaseRecord record, String json, String hash) {}

  private void reject(FieldError error) {
    errors.add(error);
    rejected++;
  }

  static RecordVersion versionOf(CaseRecord record) {
    return new RecordVersion(record.tenantCode(), record.caseId(), record.updatedAt());
  }

  private static FieldError conflict(int row, CaseRecord record) {
    String updatedAt = CaseRecordCodec.formatInstant(record.updatedAt());
    return FieldError.of(
        row,
        record.caseId(),
        "updated_at",
        Problem.of(
            ErrorCode.VERSION_CONFLICT,
            "conflicts with a stored record of case "
                + record.key()
                + " with the same updated_at "
                + updatedAt
                + " but different content; send a new version with a later updated_at",
            "case",
            record.key(),
            "updated_at",
            updatedAt));
  }

  /** Thrown out of the row callback when a batch passes the row limit. */
  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super("too many rows", null, false, false);
    }
  }

  /** Carries a failed claim out of the row callback. */
  static final class ClaimFailed extends RuntimeException {
    ClaimFailed(SQLException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }
}
