package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.ranking.Direction;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorDefinitionParserTest {

  private static Map<String, Object> ratio() {
    Map<String, Object> json = new HashMap<>();
    json.put("code", "project_resolution");
    json.put("name", "项目类办结率");
    json.put("kind", "case_ratio");
    json.put("direction", "higher_better");
    json.put("target", 0.85);
    json.put("denominator", Map.of("category", List.of("project")));
    json.put("numerator", Map.of("closed", true));
    return json;
  }

  private static List<FieldError> errorsOf(Map<String, Object> json) {
    IndicatorDefinitionParser.Result result = IndicatorDefinitionParser.parse(json);
    assertThat(result.isValid()).isFalse();
    return result.errors();
  }

  @Test
  void readsACaseRatio() {
    IndicatorDefinition d = IndicatorDefinitionParser.parse(ratio()).definition();

    assertThat(d.code()).isEqualTo("project_resolution");
    assertThat(d.kind()).isEqualTo(IndicatorKind.CASE_RATIO);
    assertThat(d.direction()).isEqualTo(Direction.HIGHER_BETTER);
    assertThat(d.target()).isEqualByComparingTo("0.85");
    assertThat(d.denominator().toJson()).containsEntry("category", List.of("project"));
    assertThat(d.numerator().toJson()).containsEntry("closed", true);
    assertThat(IndicatorDefinitionParser.parse(d.toJson()).definition()).isEqualTo(d);
  }

  @Test
  void readsAMeanOfDaysAndAReportedIndicatorWithoutTarget() {
    IndicatorDefinition mean =
        IndicatorDefinitionParser.parse(
                Map.of(
                    "code", "project_days",
                    "name", "投资项目审批时效度",
                    "kind", "case_mean_days",
                    "direction", "lower_better",
                    "filter", Map.of("category", List.of("project"))))
            .definition();
    IndicatorDefinition reported =
        IndicatorDefinitionParser.parse(
                Map.of(
                    "code", "policy_fulfilment",
                    "name", "政策兑现率",
                    "kind", "reported",
                    "direction", "higher_better"))
            .definition();

    assertThat(mean.filter().toJson()).containsEntry("category", List.of("project"));
    assertThat(mean.target()).isNull();
    assertThat(reported.kind()).isEqualTo(IndicatorKind.REPORTED);
    assertThat(reported.isCaseKind()).isFalse();
  }

  @Test
  void eachKindNeedsItsFiltersAndTakesNoOthers() {
    Map<String, Object> ratio = ratio();
    ratio.remove("numerator");
    ratio.put("filter", Map.of());
    assertThat(errorsOf(ratio))
        .extracting(FieldError::code, FieldError::field)
        .containsExactlyInAnyOrder(
            tuple(ErrorCode.FIELD_REQUIRED, "numerator"),
            tuple(ErrorCode.INDICATOR_FIELD_NOT_FOR_KIND, "filter"));

    Map<String, Object> mean = ratio();
    mean.put("kind", "case_mean_days");
    assertThat(errorsOf(mean))
        .extracting(FieldError::code, FieldError::field)
        .containsExactlyInAnyOrder(
            tuple(ErrorCode.INDICATOR_FIELD_NOT_FOR_KIND, "numerator"),
            tuple(ErrorCode.INDICATOR_FIELD_NOT_FOR_KIND, "denominator"),
            tuple(ErrorCode.FIELD_REQUIRED, "filter"));

    Map<String, Object> reported = ratio();
    reported.put("kind", "reported");
    assertThat(errorsOf(reported))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("numerator", "denominator");
  }

  @Test
  void namesEveryBadField() {
    Map<String, Object> json = ratio();
    json.put("code", "Project-Rate");
    json.put("name", "");
    json.put("kind", "case_sum");
    json.put("direction", "up");
    json.put("target", "90%");
    json.put("weight", 1);

    assertThat(errorsOf(json))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(
            tuple(ErrorCode.FIELD_UNKNOWN, "weight"),
            tuple(ErrorCode.INDICATOR_CODE_MALFORMED, "code"),
            tuple(ErrorCode.FIELD_REQUIRED, "name"),
            tuple(ErrorCode.ENUM_UNKNOWN_VALUE, "kind"),
            tuple(ErrorCode.ENUM_UNKNOWN_VALUE, "direction"),
            tuple(ErrorCode.VALUE_NOT_NUMBER, "target"));
  }

  @Test
  void reportsTheFiltersProblemsUnderTheirPaths() {
    Map<String, Object> json = ratio();
    json.put("denominator", Map.of("category", List.of("misc")));
    json.put("numerator", Map.of("status", "closed"));

    assertThat(errorsOf(json))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(
            tuple(ErrorCode.FIELD_UNKNOWN, "numerator.status"),
            tuple(ErrorCode.ENUM_UNKNOWN_VALUE, "denominator.category[0]"));
  }

  @Test
  void aCodeIsALowerCaseLetterThenUpTo63LettersDigitsOrUnderscores() {
    Map<String, Object> json = ratio();
    json.put("code", "a" + "b".repeat(63));
    assertThat(IndicatorDefinitionParser.parse(json).isValid()).isTrue();
    for (String bad : List.of("a" + "b".repeat(64), "1abc", "_abc", "abc-d", "Abc")) {
      json.put("code", bad);
      assertThat(errorsOf(json))
          .as(bad)
          .extracting(FieldError::code)
          .containsExactly(ErrorCode.INDICATOR_CODE_MALFORMED);
    }
    json.put("code", 7);
    assertThat(errorsOf(json))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.VALUE_NOT_TEXT);
  }

  @Test
  void aBuiltInTakesANewNameAndTargetAndNothingElse() {
    IndicatorDefinition renamed =
        IndicatorDefinitionParser.parse(
                Map.of("code", "resolution_rate", "name", "问题办结率", "target", 0.95))
            .definition();
    assertThat(renamed)
        .isEqualTo(
            BuiltInIndicators.byCode("resolution_rate")
                .orElseThrow()
                .withNameAndTarget("问题办结率", new BigDecimal("0.95")));

    assertThat(
            errorsOf(Map.of("code", "overdue_rate", "name", "超时办结率", "direction", "higher_better")))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.INDICATOR_BUILT_IN_FIXED);
    assertThat(
            errorsOf(
                Map.of(
                    "code", "satisfaction_rate",
                    "name", "满意率",
                    "kind", "case_ratio",
                    "denominator", Map.of(),
                    "numerator", Map.of("rated", true))))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.INDICATOR_BUILT_IN_FIXED);
  }
}
