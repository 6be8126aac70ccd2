package io.liangshai.core.evaluation;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.ValueProblems;
import io.liangshai.core.record.WireNamed;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a {@link CaseFilter} from parsed JSON (a {@code Map} of a JSON object, as Jackson or Vert.x
 * give it) to the letter of SPEC §7: only the filter keys, lists non-empty and of the §2 enum
 * values, booleans JSON booleans. Every problem is reported, each naming the key or value.
 */
public final class CaseFilterParser {

  private static final List<String> KEYS =
      Arrays.stream(FilterKey.values()).map(WireNamed::wireName).toList();

  private CaseFilterParser() {}

  /**
   * The filter in {@code json}, or empty when it has problems, each added to {@code errors} at a
   * path under {@code field} ({@code numerator.category}).
   */
  public static Optional<CaseFilter> parse(Object json, String field, DefinitionErrors errors) {
    if (!(json instanceof Map<?, ?> object)) {
      errors.add(
          field,
          ValueProblems.found(ErrorCode.FILTER_NOT_OBJECT, "expected a JSON object filter", json));
      return Optional.empty();
    }
    boolean ok = true;
    Map<FilterKey, Set<WireNamed>> lists = new EnumMap<>(FilterKey.class);
    Map<FilterKey, Boolean> flags = new EnumMap<>(FilterKey.class);
    for (String name : new TreeSet<>(object.keySet().stream().map(String::valueOf).toList())) {
      String path = DefinitionErrors.path(field, name);
      Object value = object.get(name);
      Optional<FilterKey> key = WireNamed.parse(FilterKey.class, name);
      if (key.isEmpty()) {
        errors.add(path, DefinitionErrors.unknown("filter key", name, KEYS));
        ok = false;
      } else if (key.get().isList()) {
        Optional<Set<WireNamed>> values = list(key.get(), value, path, errors);
        values.ifPresent(v -> lists.put(key.get(), v));
        ok &= values.isPresent();
      } else if (value instanceof Boolean b) {
        flags.put(key.get(), b);
      } else {
        errors.add(
            path,
            ValueProblems.found(ErrorCode.FILTER_NOT_BOOLEAN, "expected true or false", value));
        ok = false;
      }
    }
    return ok ? Optional.of(new CaseFilter(lists, flags)) : Optional.empty();
  }

  /**
   * The filter in {@code json}, which must be valid: for filters written in code and read back from
   * the store.
   *
   * @throws IllegalArgumentException naming every problem
   */
  public static CaseFilter require(Map<String, ?> json) {
    DefinitionErrors errors = new DefinitionErrors();
    return parse(json, "filter", errors)
        .orElseThrow(() -> new IllegalArgumentException("invalid filter: " + errors.list()));
  }

  private static Optional<Set<WireNamed>> list(
      FilterKey key, Object value, String path, DefinitionErrors errors) {
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      errors.add(
          path,
          ValueProblems.found(
              ErrorCode.FILTER_NOT_LIST,
              "expected a non-empty list of " + key.wireName() + " values",
              value));
      return Optional.empty();
    }
    Set<WireNamed> found = new LinkedHashSet<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Optional<WireNamed> constant = item instanceof String s ? constant(key, s) : Optional.empty();
      if (constant.isPresent()) {
        found.add(constant.get());
      } else {
        errors.add(path + "[" + i + "]", unknownValue(key, item));
        ok = false;
      }
    }
    return ok ? Optional.of(inEnumOrder(key, found)) : Optional.empty();
  }

  private static Optional<WireNamed> constant(FilterKey key, String name) {
    return key.constants().stream().filter(c -> c.wireName().equals(name)).findFirst();
  }

  private static Set<WireNamed> inEnumOrder(FilterKey key, Set<WireNamed> found) {
    Set<WireNamed> ordered = new LinkedHashSet<>();
    key.constants().stream().filter(found::contains).forEach(ordered::add);
    return ordered;
  }

  private static Problem unknownValue(FilterKey key, Object item) {
    String allowed =
        key.constants().stream().map(WireNamed::wireName).collect(Collectors.joining(", "));
    String found = ValueProblems.describe(item);
    return Problem.of(
        ErrorCode.ENUM_UNKNOWN_VALUE,
        "unknown " + key.wireName() + " value " + found + ": expected one of " + allowed,
        "found",
        item == null ? "null" : String.valueOf(item),
        "allowed",
        allowed);
  }
}
