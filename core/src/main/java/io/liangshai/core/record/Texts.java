package io.liangshai.core.record;

/**
 * Values echoed in error messages, cut short: a 20-million-character cell must not come back 20
 * million characters long in every error of its row, its batch manifest and its answer.
 */
final class Texts {

  /** Code points of a value shown in a message before it is cut. */
  static final int SHOWN = 64;

  private Texts() {}

  /** {@code "value"} in quotes, or its first {@value #SHOWN} code points and its length. */
  static String quote(String value) {
    return "\""
        + cut(value)
        + "\""
        + (isCut(value) ? " (" + value.codePointCount(0, value.length()) + " characters)" : "");
  }

  /** The value, or its first {@value #SHOWN} code points followed by "…"; null stays null. */
  static String cut(String value) {
    if (!isCut(value)) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, SHOWN)) + "…";
  }

  private static boolean isCut(String value) {
    return value != null
        && value.length() > SHOWN
        && value.codePointCount(0, value.length()) > SHOWN;
  }
}
