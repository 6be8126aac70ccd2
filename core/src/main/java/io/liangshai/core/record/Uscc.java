package io.liangshai.core.record;

import java.util.Optional;

/**
 * 统一社会信用代码: the 18-character unified social credit code of GB 32100-2015, whose last character is a
 * check character computed from the first 17.
 */
public final class Uscc {

  /** Every code has exactly this many characters. */
  public static final int LENGTH = 18;

  /** The 31 characters a code may use, in the order of their numeric value. */
  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int MODULUS = 31;

  private Uscc() {}

  /** True when {@code code} is 18 allowed characters with the right check character. */
  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /**
   * What is wrong with {@code code}, phrased for the user who sent it, or empty when it is valid.
   */
  public static Optional<Problem> problem(String code) {
    if (code == null) {
      return Optional.of(
          Problem.of(
              ErrorCode.FIELD_REQUIRED,
              "is required: expected an 18-character unified social credit code"));
    }
    if (code.length() != LENGTH) {
      return Optional.of(
          Problem.of(
              ErrorCode.USCC_LENGTH,
              "expected 18 characters, found " + code.length() + " in " + Texts.quote(code),
              "length",
              code.length(),
              "found",
              Texts.cut(code)));
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = code.charAt(i);
      if (CHARSET.indexOf(c) < 0) {
        return Optional.of(
            Problem.of(
                ErrorCode.USCC_CHARACTER,
                "character '"
                    + c
                    + "' at position "
                    + (i + 1)
                    + " of \""
                    + code
                    + "\" is not allowed: use digits and upper-case letters except I, O, Z, S, V",
                "character",
                c,
                "position",
                i + 1,
                "found",
                code));
      }
    }
    char expected = checkCharacter(code.substring(0, LENGTH - 1));
    char found = code.charAt(LENGTH - 1);
    if (expected != found) {
      return Optional.of(
          Problem.of(
              ErrorCode.USCC_CHECK_CHARACTER,
              "check character of \""
                  + code
                  + "\" should be '"
                  + expected
                  + "' but is '"
                  + found
                  + "' (GB 32100-2015): check the code for a typo",
              "found",
              code,
              "expected",
              expected,
              "actual",
              found));
    }
    return Optional.empty();
  }

  /**
   * The check character for the first 17 characters of a code: {@code 31 − (Σ value·weight mod
   * 31)}, where 31 becomes 0.
   *
   * @throws IllegalArgumentException when {@code first17} is not 17 allowed characters
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("expected the first 17 characters of a code");
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "character '" + first17.charAt(i) + "' is not allowed in a credit code");
      }
      sum += value * WEIGHTS[i];
    }
    int check = MODULUS - sum % MODULUS;
    return CHARSET.charAt(check == MODULUS ? 0 : check);
  }
}
