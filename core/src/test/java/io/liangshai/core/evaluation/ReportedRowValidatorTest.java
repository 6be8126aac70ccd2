package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.ranking.Direction;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.TenantScope;
import io.liangshai.core.time.Period;
import io.liangshai.core.vocabulary.Vocabulary;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ReportedRowValidatorTest {

  private static final IndicatorDefinition POLICY =
      new IndicatorDefinition(
          "policy_fulfilment",
          "政策兑现率",
          IndicatorKind.REPORTED,
          Direction.HIGHER_BETTER,
          null,
          null,
          null,
          null);

  private static ReportedRowValidator validator(Map<String, ReportedForm> stored) {
    Map<String, IndicatorDefinition> defined = new HashMap<>();
    defined.put(POLICY.code(), POLICY);
    BuiltInIndicators.all().forEach(d -> defined.put(d.code(), d));
    return new ReportedRowValidator(
        code -> Optional.ofNullable(defined.get(code)),
        TenantScope.knownTenants(Set.of("330522", "330500")),
        stored);
  }

  private static Map<String, Object> row(Object... more) {
    Map<String, Object> row = new HashMap<>();
    row.put("indicator", "policy_fulfilment");
    row.put("tenant_code", "330522");
    row.put("period", "2024-03");
    for (int i = 0; i < more.length; i += 2) {
      row.put((String) more[i], more[i + 1]);
    }
    return row;
  }

  private static List<FieldError> errorsOf(Map<String, Object> row) {
    ReportedRowValidator.Result result = validator(Map.of()).validate(row, 4);
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors()).allSatisfy(e -> assertThat(e.row()).isEqualTo(4));
    result.errors().forEach(e -> assertThat(Vocabulary.text(e)).doesNotContain("{"));
    return result.errors();
  }

  @Test
  void acceptsAFractionFromJsonOrCsvText() {
    ReportedRow json = validator(Map.of()).validate(row("numerator", 3, "denominator", 4), 1).row();
    ReportedRow csv =
        validator(Map.of())
            .validate(row("numerator", "3", "denominator", "4", "value", ""), 1)
            .row();

    assertThat(json).isEqualTo(csv);
    assertThat(json.month()).isEqualTo(Period.parse("2024-03"));
    assertThat(json.value()).isEqualTo(ReportedValue.fraction(3, 4));
  }

  @Test
  void acceptsABareValue() {
    ReportedRow row = validator(Map.of()).validate(row("value", 97.25), 1).row();
    assertThat(row.value()).isEqualTo(ReportedValue.bare(new BigDecimal("97.25")));
  }

  @Test
  void numeratorAndDenominatorAreWholeWithZeroAtMostNAtMostDAndDAtLeastOne() {
    assertThat(errorsOf(row("numerator", 5, "denominator", 4)))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(ErrorCode.REPORTED_NUMERATOR_ABOVE_DENOMINATOR, "numerator"));
    assertThat(errorsOf(row("numerator", 0, "denominator", 0)))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(ErrorCode.REPORTED_DENOMINATOR_ZERO, "denominator"));
    assertThat(errorsOf(row("numerator", -1, "denominator", 2.5)))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(
            tuple(ErrorCode.NUMBER_NOT_WHOLE, "numerator"),
            tuple(ErrorCode.NUMBER_NOT_WHOLE, "denominator"));
    assertThat(validator(Map.of()).validate(row("numerator", 0, "denominator", 1), 1).isValid())
        .isTrue();
  }

  @Test
  void aRowHasOneFormOrTheOther() {
    assertThat(errorsOf(row("numerator", 1, "denominator", 2, "value", 0.5)))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.REPORTED_FORM_AMBIGUOUS);
    assertThat(errorsOf(row()))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.REPORTED_FORM_AMBIGUOUS);
  }

  @Test
  void theFirstAcceptedRowFixesTheForm() {
    ReportedRowValidator validator = validator(Map.of());
    assertThat(validator.validate(row("value", 1), 1).isValid()).isTrue();

    ReportedRowValidator.Result second =
        validator.validate(row("numerator", 1, "denominator", 2), 2);

    assertThat(second.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.REPORTED_FORM_MISMATCH);
              assertThat(e.params()).containsEntry("form", "数值");
            });
    assertThat(
            validator(Map.of("policy_fulfilment", ReportedForm.FRACTION))
                .validate(row("value", 1), 1)
                .errors())
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.REPORTED_FORM_MISMATCH);
  }

  @ParameterizedTest(name = "{0} = {1} is refused with {2}")
  @CsvFileSource(
      resources = "/io/liangshai/core/evaluation/reported-row-refusals.csv",
      numLinesToSkip = 1)
  void aBadIndicatorPeriodTenantOrValueIsNamed(String field, String found, ErrorCode code) {
    assertThat(errorsOf(row("value", 1, field, found)))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(code, field));
  }

  @Test
  void unknownAndMissingFieldsAreNamed() {
    Map<String, Object> row = row("value", 1, "month", "2024-03");
    row.remove("tenant_code");

    assertThat(errorsOf(row))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(
            tuple(ErrorCode.FIELD_UNKNOWN, "month"),
            tuple(ErrorCode.FIELD_REQUIRED, "tenant_code"));
  }
}
