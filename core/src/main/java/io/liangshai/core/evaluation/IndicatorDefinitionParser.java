package io.liangshai.core.evaluation;

import io.liangshai.core.ranking.Direction;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.ValueProblems;
import io.liangshai.core.record.WireNamed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the body of {@code POST /api/v1/indicators} (SPEC §7) into an {@link IndicatorDefinition},
 * or into every problem it has: unknown fields, a malformed code, unknown kinds and directions,
 * filters a kind needs or does not take, and each filter's own problems. For a built-in code the
 * kind, direction and filters may be left out; when given they must be the built-in's, since only
 * name and target may change.
 */
public final class IndicatorDefinitionParser {

  private static final List<String> FIELDS =
      List.of("code", "name", "kind", "direction", "target", "numerator", "denominator", "filter");
  private static final int MAX_NAME = 100;

  /** A definition, or the errors that kept it from being one. */
  public record Result(IndicatorDefinition definition, List<FieldError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }

    public boolean isValid() {
      return definition != null;
    }
  }

  private IndicatorDefinitionParser() {}

  public static Result parse(Map<String, ?> json) {
    Objects.requireNonNull(json, "json");
    DefinitionErrors errors = new DefinitionErrors();
    json.keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .sorted()
        .forEach(k -> errors.add(k, DefinitionErrors.unknown("field", k, FIELDS)));
    String code = code(json.get("code"), errors);
    Optional<IndicatorDefinition> builtIn =
        code == null ? Optional.empty() : BuiltInIndicators.byCode(code);
    String name = name(json.get("name"), errors);
    IndicatorKind kind =
        choice(IndicatorKind.class, "kind", json, builtIn.map(IndicatorDefinition::kind), errors);
    Direction direction =
        choice(
            Direction.class,
            "direction",
            json,
            builtIn.map(IndicatorDefinition::direction),
            errors);
    BigDecimal target = target(json.get("target"), errors);
    CaseFilter numerator = filter("numerator", json, kind, builtIn, errors);
    CaseFilter denominator = filter("denominator", json, kind, builtIn, errors);
    CaseFilter filter = filter("filter", json, kind, builtIn, errors);
    if (builtIn.isPresent() && errors.isEmpty()) {
      IndicatorDefinition fixed = builtIn.get();
      IndicatorDefinition asked =
          new IndicatorDefinition(
              code, name, kind, direction, target, numerator, denominator, filter);
      if (!asked.equals(fixed.withNameAndTarget(name, target))) {
        errors.add(
            "code",
            Problem.of(
                ErrorCode.INDICATOR_BUILT_IN_FIXED,
                "built-in indicator " + code + ": only name and target may change",
                "code",
                code));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors.list());
    }
    return new Result(
        new IndicatorDefinition(
            code, name, kind, direction, target, numerator, denominator, filter),
        List.of());
  }

  private static String code(Object value, DefinitionErrors errors) {
    String code = text("code", value, errors);
    if (code != null && !IndicatorDefinition.CODE.matcher(code).matches()) {
      errors.add(
          "code",
          Problem.of(
              ErrorCode.INDICATOR_CODE_MALFORMED,
              "expected a code of a lower-case letter then up to 63 lower-case letters, digits or"
                  + " underscores, found \""
                  + code
                  + "\"",
              "found",
              code));
      return null;
    }
    return code;
  }

  private static String name(Object value, DefinitionErrors errors) {
    String name = text("name", value, errors);
    if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) {
      errors.add(
          "name",
          Problem.of(
              ErrorCode.TEXT_TOO_LONG,
              "expected at most " + MAX_NAME + " characters",
              "max",
              MAX_NAME,
              "length",
              name.codePointCount(0, name.length())));
      return null;
    }
    return name;
  }

  private static String text(String field, Object value, DefinitionErrors errors) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(field, required(field));
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(field, ValueProblems.found(ErrorCode.VALUE_NOT_TEXT, "expected text", value));
      return null;
    }
    return s;
  }

  private static <E extends Enum<E> & WireNamed> E choice(
      Class<E> type,
      String field,
      Map<String, ?> json,
      Optional<E> fallback,
      DefinitionErrors errors) {
    Object value = json.get(field);
    if (value == null && fallback.isPresent()) {
      return fallback.get();
    }
    String text = text(field, value, errors);
    if (text == null) {
      return null;
    }
    Optional<E> constant = WireNamed.parse(type, text);
    if (constant.isEmpty()) {
      errors.add(field, ValueProblems.unknownValue(type, text, ""));
    }
    return constant.orElse(null);
  }

  private static BigDecimal target(Object value, DefinitionErrors errors) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(n instanceof Double d && !Double.isFinite(d))) {
      return new BigDecimal(n.toString());
    }
    errors.add(
        "target", ValueProblems.found(ErrorCode.VALUE_NOT_NUMBER, "expected a number", value));
    return null;
  }

  private static CaseFilter filter(
      String field,
      Map<String, ?> json,
      IndicatorKind kind,
      Optional<IndicatorDefinition> builtIn,
      DefinitionErrors errors) {
    if (kind == null) {
      return null;
    }
    boolean takes =
        field.equals("filter")
            ? kind == IndicatorKind.CASE_MEAN_DAYS
            : kind == IndicatorKind.CASE_RATIO;
    Object value = json.get(field);
    if (!takes) {
      if (json.containsKey(field)) {
        errors.add(
            field,
            Problem.of(
                ErrorCode.INDICATOR_FIELD_NOT_FOR_KIND,
                kind.wireName() + " indicators take no " + field,
                "kind",
                kind.wireName(),
                "name",
                field));
      }
      return null;
    }
    if (value == null && builtIn.isPresent()) {
      return field.equals("numerator") ? builtIn.get().numerator() : builtIn.get().denominator();
    }
    if (value == null) {
      errors.add(field, required(field));
      return null;
    }
    return CaseFilterParser.parse(value, field, errors).orElse(null);
  }

  private static Problem required(String field) {
    return Problem.of(ErrorCode.FIELD_REQUIRED, field + " is required");
  }
}
