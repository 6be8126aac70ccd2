package io.liangshai.core.record;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The problems {@link RowReader} (and the indicator parsers) find in a raw value, each with its
 * code and parameters.
 */
public final class ValueProblems {

  static final String TIMESTAMP_EXAMPLE = "2024-01-02T09:30:00+08:00";

  private ValueProblems() {}

  /** "{expected}, found {value}", with the value described as the {@code found} parameter. */
  public static Problem found(ErrorCode code, String expected, Object value) {
    return Problem.of(code, expected + ", found " + describe(value), "found", describe(value));
  }

  static Problem tooLarge(int max, Object value) {
    return Problem.of(
        ErrorCode.NUMBER_TOO_LARGE,
        "expected at most " + max + ", found " + describe(value),
        "max",
        max,
        "found",
        describe(value));
  }

  public static <E extends Enum<E> & WireNamed> Problem unknownValue(
      Class<E> type, String text, String orNone) {
    String allowed = WireNamed.allowed(type);
    return Problem.of(
        ErrorCode.ENUM_UNKNOWN_VALUE,
        "expected one of " + allowed + orNone + "; found " + Texts.quote(text),
        "allowed",
        allowed,
        "found",
        Texts.cut(text));
  }

  /** A text that is not a timestamp with offset: one without offset says so. */
  static Problem timestamp(String text, int maxLength) {
    if (text.length() <= maxLength) {
      try {
        LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return Problem.of(
            ErrorCode.TIME_NO_OFFSET,
            Texts.quote(text)
                + " has no offset: add one such as +08:00 (Beijing time) or Z (UTC), e.g. "
                + TIMESTAMP_EXAMPLE
                + "; a time without offset is never guessed",
            "found",
            text);
      } catch (DateTimeParseException notLocalEither) {
        // not a local time either: the general message below
      }
    }
    return Problem.of(
        ErrorCode.TIME_NOT_ISO,
        "expected an ISO-8601 timestamp with offset such as "
            + TIMESTAMP_EXAMPLE
            + ", found "
            + Texts.quote(text),
        "found",
        Texts.cut(text));
  }

  /** A raw value as a message names it: a quoted text, "integer 5", "an object" … */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return Texts.quote(s);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.getClass().getSimpleName().toLowerCase(Locale.ROOT)
          + " "
          + Texts.cut(value.toString());
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return value.getClass().getSimpleName();
  }
}
