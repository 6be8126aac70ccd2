package io.liangshai.core.record;

import static io.liangshai.core.testing.CaseRecordFixture.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** The one error a validator finds in a row that is valid but for one change. */
final class FieldErrors {

  private FieldErrors() {}

  /** The fixture's row with {@code field} set to {@code value}. */
  static Map<String, Object> withField(String field, Object value) {
    Map<String, Object> row = aCase().row();
    row.put(field, value);
    return row;
  }

  /** Asserts that {@code validator} finds exactly one error in {@code row}, and returns it. */
  static FieldError onlyError(CaseRecordValidator validator, Map<String, Object> row) {
    List<FieldError> errors = validator.validate(row, 3).errors();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  /** The one error {@code validator} finds in {@code row}, asserted to be on {@code field}. */
  static FieldError onlyErrorOn(
      CaseRecordValidator validator, Map<String, Object> row, String field) {
    FieldError error = onlyError(validator, row);
    assertThat(error.field()).isEqualTo(field);
    return error;
  }

  /** The one error of {@link #withField}{@code (field, value)}, asserted to be on {@code field}. */
  static FieldError onlyErrorOn(CaseRecordValidator validator, String field, Object value) {
    return onlyErrorOn(validator, withField(field, value), field);
  }
}
