package io.liangshai.core.evaluation;

import io.liangshai.core.ranking.Direction;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One indicator of the 8+X system (SPEC §7): its code, Chinese name, direction, optional target and
 * kind, with the filters its kind needs — {@code case_ratio} a numerator and a denominator, {@code
 * case_mean_days} a filter, {@code reported} none. Read from JSON by {@link
 * IndicatorDefinitionParser}; the four built-in rates are definitions too ({@link
 * BuiltInIndicators}).
 *
 * @param target the value to reach, in the indicator's unit; null for none
 */
public record IndicatorDefinition(
    String code,
    String name,
    IndicatorKind kind,
    Direction direction,
    BigDecimal target,
    CaseFilter numerator,
    CaseFilter denominator,
    CaseFilter filter) {

  /** What a code must look like. */
  public static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

  public IndicatorDefinition {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("code \"" + code + "\" does not match " + CODE);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("indicator " + code + " needs a name");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    boolean ratio = kind == IndicatorKind.CASE_RATIO;
    boolean mean = kind == IndicatorKind.CASE_MEAN_DAYS;
    require(ratio, numerator, "numerator", kind);
    require(ratio, denominator, "denominator", kind);
    require(mean, filter, "filter", kind);
  }

  private static void require(boolean needed, CaseFilter f, String field, IndicatorKind kind) {
    if (needed != (f != null)) {
      throw new IllegalArgumentException(
          kind.wireName() + (needed ? " needs " : " takes no ") + field);
    }
  }

  /** Whether the value comes from cases (a ratio or a mean), not from uploads. */
  public boolean isCaseKind() {
    return kind != IndicatorKind.REPORTED;
  }

  /** Whether {@code value} meets this indicator's target; null without a target or a value. */
  public Boolean met(IndicatorValue value) {
    return value.met(target, direction);
  }

  /** The same definition with another name and target (what may change of a built-in). */
  public IndicatorDefinition withNameAndTarget(String newName, BigDecimal newTarget) {
    return new IndicatorDefinition(
        code, newName, kind, direction, newTarget, numerator, denominator, filter);
  }

  /** The definition as {@code POST /api/v1/indicators} takes it (absent fields left out). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", code);
    json.put("name", name);
    json.put("kind", kind.wireName());
    json.put("direction", direction.wireName());
    if (target != null) {
      json.put("target", target);
    }
    if (numerator != null) {
      json.put("numerator", numerator.toJson());
      json.put("denominator", denominator.toJson());
    }
    if (filter != null) {
      json.put("filter", filter.toJson());
    }
    return json;
  }
}
