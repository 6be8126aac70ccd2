package io.liangshai.core.evaluation;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.Problem;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.record.ValueProblems;
import io.liangshai.core.time.Period;
import io.liangshai.core.time.PeriodKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the rows of one upload of reported values (SPEC §7): {@code indicator} a defined {@code
 * reported} indicator, {@code tenant_code} in the uploader's scope, {@code period} a month, and
 * either whole {@code numerator} and {@code denominator} with 0 ≤ n ≤ d, d ≥ 1, or a number {@code
 * value}. One indicator takes one form, fixed by its first accepted row: the forms already stored
 * are given, and the first accepted row of this upload fixes the others. Numbers may come as JSON
 * numbers or as text (CSV, XLSX); an empty cell is absent.
 */
public final class ReportedRowValidator {

  private static final List<String> FIELDS =
      List.of("indicator", "tenant_code", "period", "numerator", "denominator", "value");

  /** An accepted row, or the errors of a rejected one. */
  public record Result(ReportedRow row, List<FieldError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }

    public boolean isValid() {
      return row != null;
    }
  }

  private final Function<String, Optional<IndicatorDefinition>> definitions;
  private final TenantScope scope;
  private final Map<String, ReportedForm> forms;

  /**
   * @param definitions the current (not retired) definition of a code, if any
   * @param scope which tenants the uploader may report for
   * @param storedForms indicator code → the form fixed by its first accepted row so far
   */
  public ReportedRowValidator(
      Function<String, Optional<IndicatorDefinition>> definitions,
      TenantScope scope,
      Map<String, ReportedForm> storedForms) {
    this.definitions = Objects.requireNonNull(definitions, "definitions");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.forms = new HashMap<>(storedForms);
  }

  /** Checks row {@code rowNumber} (1-based); an accepted row fixes its indicator's form. */
  public Result validate(Map<String, ?> row, int rowNumber) {
    List<FieldError> errors = new ArrayList<>();
    ValueReader in = new ValueReader(rowNumber, errors);
    row.keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .sorted()
        .forEach(k -> in.error(k, DefinitionErrors.unknown("field", k, FIELDS)));
    String indicator = indicator(in, row.get("indicator"));
    String tenant = in.text("tenant_code", row.get("tenant_code"));
    if (tenant != null) {
      scope.problem(tenant).ifPresent(p -> in.error("tenant_code", p));
    }
    Period month = month(in, row.get("period"));
    ReportedValue value = value(in, row);
    if (indicator != null && value != null) {
      ReportedForm fixed = forms.get(indicator);
      if (fixed != null && fixed != value.form()) {
        in.error(
            value.form() == ReportedForm.BARE ? "value" : "numerator",
            Problem.of(
                ErrorCode.REPORTED_FORM_MISMATCH,
                indicator
                    + " is reported as "
                    + fixed.wireName()
                    + ", this row as "
                    + value.form().wireName(),
                "indicator",
                indicator,
                "form",
                fixed.label(),
                "found",
                value.form().label()));
      }
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    forms.putIfAbsent(indicator, value.form());
    return new Result(new ReportedRow(indicator, tenant, month, value), List.of());
  }

  private String indicator(ValueReader in, Object raw) {
    String code = in.text("indicator", raw);
    if (code == null) {
      return null;
    }
    Optional<IndicatorDefinition> definition = definitions.apply(code);
    if (definition.isEmpty()) {
      in.error(
          "indicator",
          Problem.of(
              ErrorCode.INDICATOR_UNKNOWN, "unknown indicator \"" + code + "\"", "found", code));
      return null;
    }
    if (definition.get().kind() != IndicatorKind.REPORTED) {
      String kind = definition.get().kind().wireName();
      in.error(
          "indicator",
          Problem.of(
              ErrorCode.INDICATOR_NOT_REPORTED,
              code + " is a " + kind + " indicator: its values come from cases, not uploads",
              "indicator",
              code,
              "kind",
              kind));
      return null;
    }
    return code;
  }

  private static Period month(ValueReader in, Object raw) {
    String text = in.text("period", raw);
    if (text == null) {
      return null;
    }
    try {
      Period period = Period.parse(text);
      if (period.kind() == PeriodKind.MONTH) {
        return period;
      }
    } catch (IllegalArgumentException notAPeriod) {
      // the same answer as for another kind of period
    }
    in.error(
        "period",
        Problem.of(
            ErrorCode.PERIOD_NOT_MONTH,
            "expected a month such as 2024-03, found \"" + text + "\"",
            "found",
            text));
    return null;
  }

  private static ReportedValue value(ValueReader in, Map<String, ?> row) {
    Object n = ValueReader.present(row.get("numerator"));
    Object d = ValueReader.present(row.get("denominator"));
    Object v = ValueReader.present(row.get("value"));
    boolean fraction = n != null || d != null;
    if (fraction == (v != null)) {
      in.error(
          fraction ? "value" : "numerator",
          Problem.of(
              ErrorCode.REPORTED_FORM_AMBIGUOUS,
              "expected numerator and denominator, or value alone"));
      return null;
    }
    if (v != null) {
      BigDecimal value = in.number("value", v);
      return value == null ? null : ReportedValue.bare(value);
    }
    Long numerator = in.whole("numerator", n);
    Long denominator = in.whole("denominator", d);
    if (numerator == null || denominator == null) {
      return null;
    }
    if (denominator < 1) {
      in.error(
          "denominator",
          ValueProblems.found(ErrorCode.REPORTED_DENOMINATOR_ZERO, "expected at least 1", d));
      return null;
    }
    if (numerator > denominator) {
      in.error(
          "numerator",
          Problem.of(
              ErrorCode.REPORTED_NUMERATOR_ABOVE_DENOMINATOR,
              "numerator " + numerator + " is above denominator " + denominator,
              "numerator",
              numerator,
              "denominator",
              denominator));
      return null;
    }
    return ReportedValue.fraction(numerator, denominator);
  }
}
