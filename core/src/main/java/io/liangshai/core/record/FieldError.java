package io.liangshai.core.record;

import java.util.Objects;

/**
 * One problem with one field of one input row, as reported back to the uploader.
 *
 * @param row 1-based row number within the batch (data rows; a CSV header is not counted)
 * @param caseId the row's {@code case_id} as sent, or null when it had none
 * @param field the field's wire name, or the unknown column's name; null when the problem is the
 *     row as a whole (a line that is not JSON, a CSV row with the wrong number of cells)
 * @param message what was expected and what was found
 */
public record FieldError(int row, String caseId, String field, String message) {

  public FieldError {
    Objects.requireNonNull(message, "message");
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
