package io.liangshai.core.lang;

import java.util.Objects;

/**
 * The required components of a record (or arguments of a constructor), checked in one call that
 * names the first missing one, as {@link Objects#requireNonNull(Object, String)} would.
 */
public final class Required {

  private Required() {}

  /**
   * Throws a {@link NullPointerException} carrying the name of the first null value.
   *
   * @param names the values' names, separated by spaces, in the order of {@code values}
   * @throws IllegalArgumentException when there are not as many names as values
   */
  public static void nonNull(String names, Object... values) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < names.length(); i++) {
      boolean space = Character.isWhitespace(names.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    if (words != values.length) {
      throw new IllegalArgumentException(
          words + " names (" + names + ") for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        // Split only when one is missing: records on hot paths check their components this way.
        throw new NullPointerException(names.trim().split("\\s+")[i]);
      }
    }
  }
}
