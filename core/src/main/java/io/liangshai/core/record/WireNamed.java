package io.liangshai.core.record;

import java.util.Arrays;
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

  /** The constant's place in its enum; every enum has it. */
  int ordinal();

  /** The constant's enum; every enum has it. */
  Class<?> getDeclaringClass();

  /** The name used in JSON, CSV, XLSX and ClickHouse, e.g. {@code hotline_12345}. */
  default String wireName() {
    return WireNames.LOWER_CASE.get(getDeclaringClass())[ordinal()];
  }

  /**
   * The constant of {@code type} whose wire name is exactly {@code wireName}, if any: one hash
   * lookup (the intake asks for every field and value of every row).
   */
  static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String wireName) {
    return wireName == null
        ? Optional.empty()
        : Optional.ofNullable(type.cast(WireNames.BY_WIRE_NAME.get(type).get(wireName)));
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
