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
    String[] named = names.trim().split("\\s+");
    if (named.length != values.length) {
      throw new IllegalArgumentException(
          named.length + " names (" + names + ") for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      Objects.requireNonNull(values[i], named[i]);
    }
  }
}
