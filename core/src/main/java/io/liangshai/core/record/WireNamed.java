package io.liangshai.core.record;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose constants travel on the wire under a fixed snake_case name. */
public interface WireNamed {

  /** The name used in JSON, CSV and XLSX, e.g. {@code hotline_12345}. */
  String wireName();

  /** The constant of {@code type} whose wire name is exactly {@code wireName}, if any. */
  static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String wireName) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(wireName)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** The constant of {@code type} named {@code wireName}; throws naming the allowed values. */
  static <E extends Enum<E> & WireNamed> E require(Class<E> type, String wireName) {
    return parse(type, wireName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected one of " + allowed(type) + ", found \"" + wireName + "\""));
  }

  /** The wire names of {@code type}, comma-separated, for error messages. */
  static <E extends Enum<E> & WireNamed> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireNamed::wireName)
        .collect(Collectors.joining(", "));
  }
}
