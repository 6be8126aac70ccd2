package io.liangshai.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.FieldError;
import io.liangshai.core.record.WireNamed;
import io.liangshai.core.vocabulary.Vocabulary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseFilterParserTest {

  private static Optional<CaseFilter> parse(Object json, DefinitionErrors errors) {
    return CaseFilterParser.parse(json, "numerator", errors);
  }

  private static List<FieldError> errorsOf(Object json) {
    DefinitionErrors errors = new DefinitionErrors();
    assertThat(parse(json, errors)).isEmpty();
    return errors.list();
  }

  /** The one error of {@code json}, after checking its code and field. */
  private static FieldError onlyErrorOf(Object json, ErrorCode code, String field) {
    List<FieldError> errors = errorsOf(json);
    assertThat(errors)
        .singleElement()
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(code, field);
    return errors.get(0);
  }

  @Test
  void readsEveryKeyAndWritesItBackInSpecOrder() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("reassigned", false);
    json.put("satisfaction", List.of("satisfied", "very_satisfied"));
    json.put("category", List.of("project", "policy"));
    json.put("channel", List.of("hotline_12345"));
    json.put("escalation_level", List.of("city", "province"));
    json.put("closed", true);
    json.put("overdue_closed", false);
    json.put("recurrence", true);
    json.put("rated", true);
    json.put("leader_instructed", false);
    DefinitionErrors errors = new DefinitionErrors();

    CaseFilter filter = parse(json, errors).orElseThrow();

    assertThat(errors.isEmpty()).isTrue();
    assertThat(filter.toJson())
        .containsExactly(
            Map.entry("category", List.of("project", "policy")),
            Map.entry("channel", List.of("hotline_12345")),
            Map.entry("escalation_level", List.of("city", "province")),
            Map.entry("satisfaction", List.of("very_satisfied", "satisfied")),
            Map.entry("closed", true),
            Map.entry("overdue_closed", false),
            Map.entry("recurrence", true),
            Map.entry("rated", true),
            Map.entry("leader_instructed", false),
            Map.entry("reassigned", false));
    assertThat(CaseFilterParser.require(filter.toJson())).isEqualTo(filter);
  }

  @Test
  void theEmptyObjectIsTheFilterOfEveryCase() {
    assertThat(parse(Map.of(), new DefinitionErrors())).contains(CaseFilter.ALL);
  }

  @Test
  void anUnknownKeyIsNamedWithTheAllowedOnes() {
    FieldError e =
        onlyErrorOf(
            Map.of("priority", List.of("high")), ErrorCode.FIELD_UNKNOWN, "numerator.priority");

    assertThat(e.params()).containsEntry("name", "priority");
    assertThat(e.params().get("allowed")).startsWith("category, channel, escalation_level");
    assertThat(e.message()).contains("\"priority\"");
  }

  @Test
  void anUnknownValueIsNamedWithItsPlaceInTheList() {
    FieldError e =
        onlyErrorOf(
            Map.of("category", List.of("project", "misc")),
            ErrorCode.ENUM_UNKNOWN_VALUE,
            "numerator.category[1]");

    assertThat(e.params()).containsEntry("found", "misc");
    assertThat(e.params().get("allowed")).contains("general", "project", "data");
    assertThat(Vocabulary.text(e)).contains("misc");
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "escalation_level", "satisfaction"})
  void everyListKeyChecksItsOwnEnum(String key) {
    onlyErrorOf(
        Map.of(key, List.of("project")), ErrorCode.ENUM_UNKNOWN_VALUE, "numerator." + key + "[0]");
  }

  @Test
  void aListValueThatIsNotTextIsAnUnknownValue() {
    assertThat(errorsOf(Map.of("channel", List.of(3))))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(ErrorCode.ENUM_UNKNOWN_VALUE, "numerator.channel[0]"));
  }

  @Test
  void anEmptyListOrAScalarWhereAListBelongsIsRefused() {
    assertThat(errorsOf(Map.of("category", List.of())))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.FILTER_NOT_LIST);
    assertThat(errorsOf(Map.of("satisfaction", "satisfied")))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(ErrorCode.FILTER_NOT_LIST, "numerator.satisfaction"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "closed",
        "overdue_closed",
        "recurrence",
        "rated",
        "leader_instructed",
        "reassigned"
      })
  void aBooleanKeyTakesOnlyAJsonBoolean(String key) {
    assertThat(
            onlyErrorOf(Map.of(key, "true"), ErrorCode.FILTER_NOT_BOOLEAN, "numerator." + key)
                .params())
        .containsEntry("found", "\"true\"");
    assertThat(parse(Map.of(key, false), new DefinitionErrors()).orElseThrow().flags())
        .containsExactly(Map.entry(WireNamed.require(FilterKey.class, key), false));
  }

  @Test
  void aFilterThatIsNotAnObjectIsRefused() {
    assertThat(errorsOf(List.of("closed")))
        .extracting(FieldError::code, FieldError::field)
        .containsExactly(tuple(ErrorCode.FILTER_NOT_OBJECT, "numerator"));
    assertThat(errorsOf(null))
        .extracting(FieldError::code)
        .containsExactly(ErrorCode.FILTER_NOT_OBJECT);
  }

  @Test
  void reportsEveryProblemOfOneFilter() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("colour", "red");
    json.put("closed", 1);
    json.put("category", List.of("x", "y"));

    assertThat(errorsOf(json))
        .extracting(FieldError::field)
        .containsExactly(
            "numerator.category[0]",
            "numerator.category[1]",
            "numerator.closed",
            "numerator.colour");
  }
}
