package io.liangshai.core.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is wrong with one value: its stable {@link ErrorCode}, the named values the Chinese template
 * fills in, and the English message phrased for the user.
 *
 * @param params parameter name to its value as text, in the order given
 */
public record Problem(ErrorCode code, Map<String, String> params, String message) {

  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * A problem with parameters given as name, value, name, value …; a null value becomes "".
   *
   * @throws IllegalArgumentException when a name has no value
   */
  public static Problem of(ErrorCode code, String message, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameter " + namesAndValues[0] + "… has no value");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      params.put(namesAndValues[i].toString(), value == null ? "" : value.toString());
    }
    return new Problem(code, params, message);
  }
}
