package io.liangshai.core.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem with one field of one input row, as reported back to the uploader.
 *
 * @param row 1-based row number within the batch (data rows; a CSV header is not counted)
 * @param caseId the row's {@code case_id} as sent, or null when it had none
 * @param field the field's wire name, or the unknown column's name; null when the problem is the
 *     row as a whole (a line that is not JSON, a CSV row with the wrong number of cells)
 * @param code the stable name of the problem, e.g. {@code uscc.check_character}
 * @param params the named values of the problem (its Chinese template's placeholders)
 * @param message what was expected and what was found, in English
 */
public record FieldError(
    int row,
    String caseId,
    String field,
    ErrorCode code,
    Map<String, String> params,
    String message) {

  public FieldError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The error {@code problem} at {@code field} of row {@code row}. */
  public static FieldError of(int row, String caseId, String field, Problem problem) {
    return new FieldError(row, caseId, field, problem.code(), problem.params(), problem.message());
  }

  /** The problem this error reports, without its place. */
  public Problem problem() {
    return new Problem(code, params, message);
  }

  @Override
  public String toString() {
    return "row "
        + row
        + (caseId == null ? "" : " (" + caseId + ")")
        + ", "
        + (field == null ? "" : field + ": ")
        + message;
  }
}
