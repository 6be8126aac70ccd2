package io.liangshai.core.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values out of one raw row, collecting a {@link FieldError} for every field that
 * cannot be read instead of stopping at the first. An empty string counts as an absent value, as an
 * empty CSV cell does.
 */
final class RowReader {

  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,12}");

  /** Longer than any ISO-8601 timestamp with offset: not parsed at all. */
  private static final int MAX_TIMESTAMP_TEXT = 64;

  /** Digits of the integer part of a JSON number read as a count, at most. */
  private static final int MAX_COUNT_DIGITS = 12;

  private final Map<String, ?> row;
  private final int rowNumber;
  private final String caseIdForErrors;
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<CaseField> failed = EnumSet.noneOf(CaseField.class);

  RowReader(Map<String, ?> row, int rowNumber) {
    this.row = row;
    this.rowNumber = rowNumber;
    Object caseId = row.get(CaseField.CASE_ID.wireName());
    this.caseIdForErrors =
        caseId == null || caseId.toString().isBlank() ? null : Texts.cut(caseId.toString());
  }

  List<FieldError> errors() {
    return errors;
  }

  boolean failed(CaseField field) {
    return failed.contains(field);
  }

  void check(CaseField field, Optional<Problem> problem) {
    problem.ifPresent(p -> error(field, p));
  }

  void error(CaseField field, Problem problem) {
    failed.add(field);
    errors.add(FieldError.of(rowNumber, caseIdForErrors, field.wireName(), problem));
  }

  /** A problem of the row as a whole rather than of one field. */
  void rowError(Problem problem) {
    errors.add(FieldError.of(rowNumber, caseIdForErrors, null, problem));
  }

  void unknownField(String name) {
    String allowed = WireNamed.allowed(CaseField.class);
    errors.add(
        FieldError.of(
            rowNumber,
            caseIdForErrors,
            Texts.cut(name),
            Problem.of(
                ErrorCode.FIELD_UNKNOWN,
                "unknown field " + Texts.quote(name) + ": expected only " + allowed,
                "name",
                Texts.cut(name),
                "allowed",
                allowed)));
  }

  /** The value as a string, or null when absent (or when it is not a string: an error). */
  String string(CaseField field) {
    Object value = raw(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    error(field, ValueProblems.found(ErrorCode.VALUE_NOT_TEXT, "expected a string", value));
    return null;
  }

  /** A timestamp with offset; null when absent (an error too when {@code required}). */
  Instant instant(CaseField field, boolean required) {
    String text = string(field);
    if (text == null) {
      if (required && !failed(field)) {
        error(
            field,
            Problem.of(
                ErrorCode.FIELD_REQUIRED,
                "is required: expected a timestamp with offset such as "
                    + ValueProblems.TIMESTAMP_EXAMPLE));
      }
      return null;
    }
    if (text.length() > MAX_TIMESTAMP_TEXT) {
      error(field, ValueProblems.timestamp(text, MAX_TIMESTAMP_TEXT));
      return null;
    }
    try {
      Instant instant = OffsetTimestamps.parse(text);
      check(field, CaseRules.precision(instant));
      return instant;
    } catch (DateTimeParseException notWithOffset) {
      error(field, ValueProblems.timestamp(text, MAX_TIMESTAMP_TEXT));
      return null;
    }
  }

  /** An enum constant by wire name; {@code fallback} when absent (null fallback: required). */
  <E extends Enum<E> & WireNamed> E enumValue(CaseField field, Class<E> type, E fallback) {
    String text = string(field);
    if (text == null) {
      if (fallback == null && !failed(field)) {
        error(
            field,
            Problem.of(
                ErrorCode.FIELD_REQUIRED,
                "is required: expected one of " + WireNamed.allowed(type)));
      }
      return fallback;
    }
    Optional<E> parsed = WireNamed.parse(type, text);
    if (parsed.isEmpty()) {
      error(field, ValueProblems.unknownValue(type, text, ""));
    }
    return parsed.orElse(fallback);
  }

  /** An optional enum constant by wire name: null when absent. */
  <E extends Enum<E> & WireNamed> E optionalEnum(CaseField field, Class<E> type) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    Optional<E> parsed = WireNamed.parse(type, text);
    if (parsed.isEmpty()) {
      error(field, ValueProblems.unknownValue(type, text, " or no value"));
    }
    return parsed.orElse(null);
  }

  /**
   * A whole number from 0 to {@code max} (JSON number or decimal digits); {@code fallback} when
   * absent or wrong.
   */
  int count(CaseField field, int fallback, int max) {
    Object value = raw(field);
    if (value == null) {
      return fallback;
    }
    Optional<BigInteger> whole = wholeNumber(value);
    if (whole.isEmpty() || whole.get().signum() < 0) {
      error(
          field,
          ValueProblems.found(ErrorCode.NUMBER_NOT_WHOLE, "expected a whole number ≥ 0", value));
      return fallback;
    }
    if (whole.get().compareTo(BigInteger.valueOf(max)) > 0) {
      error(field, ValueProblems.tooLarge(max, value));
      return fallback;
    }
    return whole.get().intValueExact();
  }

  /** {@code true}/{@code false} (also {@code 是}/{@code 否}); {@code fallback} when absent. */
  boolean bool(CaseField field, boolean fallback) {
    Object value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
    switch (text) {
      case "true", "是":
        return true;
      case "false", "否":
        return false;
      default:
        error(
            field,
            ValueProblems.found(
                ErrorCode.BOOL_INVALID, "expected true or false (also 是 or 否)", value));
        return fallback;
    }
  }

  private Object raw(CaseField field) {
    Object value = row.get(field.wireName());
    return value instanceof String s && s.isEmpty() ? null : value;
  }

  private static Optional<BigInteger> wholeNumber(Object value) {
    if (value instanceof String s) {
      String digits = s.trim();
      return DIGITS.matcher(digits).matches()
          ? Optional.of(new BigInteger(digits))
          : Optional.empty();
    }
    if (!(value instanceof Number n)) {
      return Optional.empty();
    }
    try {
      BigDecimal decimal = new BigDecimal(n.toString());
      if (decimal.precision() - decimal.scale() > MAX_COUNT_DIGITS) {
        // too big (or too small) for any count: do not build a huge BigInteger
        return Optional.of(
            BigInteger.TEN.pow(MAX_COUNT_DIGITS).multiply(BigInteger.valueOf(decimal.signum())));
      }
      return Optional.of(decimal.toBigIntegerExact());
    } catch (NumberFormatException | ArithmeticException notWhole) {
      return Optional.empty();
    }
  }
}
