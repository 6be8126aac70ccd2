package io.liangshai.core.evaluation;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.ValueProblems;
import java.math.BigDecimal;
import java.util.List;

/** Reads the raw values of one reported row (JSON values, or CSV/XLSX text) into its errors. */
final class ValueReader {

  private static final BigDecimal MAX_WHOLE = BigDecimal.valueOf(Long.MAX_VALUE);

  private final int row;
  private final List<FieldError> errors;

  ValueReader(int row, List<FieldError> errors) {
    this.row = row;
    this.errors = errors;
  }

  void error(String field, Problem problem) {
    errors.add(FieldError.of(row, null, field, problem));
  }

  /** The value, or null for a missing one or an empty cell. */
  static Object present(Object raw) {
    return raw instanceof String s && s.isEmpty() ? null : raw;
  }

  String text(String field, Object raw) {
    Object value = present(raw);
    if (value == null) {
      error(field, Problem.of(ErrorCode.FIELD_REQUIRED, field + " is required"));
      return null;
    }
    if (!(value instanceof String s)) {
      error(field, ValueProblems.found(ErrorCode.VALUE_NOT_TEXT, "expected text", value));
      return null;
    }
    return s;
  }

  BigDecimal number(String field, Object raw) {
    BigDecimal n = decimal(raw);
    if (n == null) {
      error(field, ValueProblems.found(ErrorCode.VALUE_NOT_NUMBER, "expected a number", raw));
    }
    return n;
  }

  Long whole(String field, Object raw) {
    BigDecimal n = decimal(raw);
    if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
      error(
          field,
          ValueProblems.found(ErrorCode.NUMBER_NOT_WHOLE, "expected a whole number ≥ 0", raw));
      return null;
    }
    if (n.compareTo(MAX_WHOLE) > 0) {
      error(
          field,
          Problem.of(
              ErrorCode.NUMBER_TOO_LARGE,
              "expected at most " + Long.MAX_VALUE + ", found " + n.toPlainString(),
              "max",
              Long.MAX_VALUE,
              "found",
              n.toPlainString()));
      return null;
    }
    return n.longValueExact();
  }

  private static BigDecimal decimal(Object raw) {
    if (raw instanceof Double d && !Double.isFinite(d)) {
      return null;
    }
    if (raw instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    if (raw instanceof Number || raw instanceof String) {
      try {
        return new BigDecimal(raw.toString().trim());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }
}
