package io.liangshai.core.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants travel on the wire under a fixed snake_case name: the constant's name in
 * lower case ({@code HOTLINE_12345} ↔ {@code hotline_12345}). The one "wire code ↔ constant" lookup
 * of the project: {@link #parse}, {@link #require} and {@link #allowed} serve every such enum.
 */
public interface WireNamed {

  /** The constant's Java name; every enum has it. */
  String name();

  /** The name used in JSON, CSV, XLSX and ClickHouse, e.g. {@code hotline_12345}. */
  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

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
