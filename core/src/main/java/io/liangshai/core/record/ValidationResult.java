package io.liangshai.core.record;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of validating one row: a {@link CaseRecord}, or every problem found in the row. */
public final class ValidationResult {

  private final CaseRecord record;
  private final List<FieldError> errors;

  private ValidationResult(CaseRecord record, List<FieldError> errors) {
    this.record = record;
    this.errors = errors;
  }

  public static ValidationResult valid(CaseRecord record) {
    return new ValidationResult(Objects.requireNonNull(record, "record"), List.of());
  }

  public static ValidationResult invalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid result needs at least one error");
    }
    return new ValidationResult(null, List.copyOf(errors));
  }

  public boolean isValid() {
    return record != null;
  }

  /**
   * The record of a valid row.
   *
   * @throws IllegalStateException listing the errors when the row was invalid
   */
  public CaseRecord record() {
    if (record == null) {
      throw new IllegalStateException("invalid row: " + describeErrors());
    }
    return record;
  }

  /** The problems of an invalid row; empty for a valid one. */
  public List<FieldError> errors() {
    return errors;
  }

  private String describeErrors() {
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    return isValid() ? "valid " + record.key() : "invalid: " + describeErrors();
  }
}
