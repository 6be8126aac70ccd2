package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.evaluation.BuiltInIndicators;
import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.Scheme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a scheme may score beyond the built-in rates, and the 400 messages when it may not. */
class SchemeCodesTest {

  private static final Map<String, IndicatorDefinition> IN_FORCE = inForce();

  @Test
  void acceptsAnyCodeInForceWithItsOwnDirection() {
    Scheme scheme =
        parse(
            indicator("resolution_rate", "higher_better"),
            indicator("mean_days", "lower_better"),
            indicator("payout", "higher_better"));

    SchemeCodes.check(scheme, IN_FORCE, List.of());

    assertThat(scheme.customIndicators())
        .extracting(i -> i.code())
        .containsExactly("mean_days", "payout");
    JsonObject stored = SchemeJson.toJson(scheme);
    stored.remove("version");
    assertThat(SchemeJson.parse(stored, 1)).isEqualTo(scheme);
  }

  @Test
  void rejectsAnUnknownCodeNamingIt() {
    assertRejected(
        parse(
            indicator("resolution_rate", "higher_better"), indicator("nonesuch", "higher_better")),
        List.of(),
        "indicators[1].rate",
        "must be a built-in rate or an indicator code in force (GET /api/v1/indicators), was"
            + " \"nonesuch\"");
  }

  @Test
  void rejectsARetiredCodeSayingSo() {
    assertRejected(
        parse(indicator("old_ratio", "higher_better")),
        List.of("old_ratio"),
        "indicators[0].rate",
        "old_ratio is retired; a scheme scores indicators in force only");
  }

  @Test
  void rejectsADirectionContraryToTheIndicators() {
    assertRejected(
        parse(indicator("mean_days", "higher_better")),
        List.of(),
        "indicators[0].direction",
        "of mean_days must be lower_better, the indicator's own direction, was higher_better");
  }

  @Test
  void takesGoalpostsInTheIndicatorsUnitRatesOnlyForARatio() {
    JsonObject days =
        indicator("mean_days", "lower_better")
            .put("goalposts", new JsonObject().put("lower", 1).put("upper", 30));
    Scheme scheme = parse("target", days);
    SchemeCodes.check(scheme, IN_FORCE, List.of());
    assertThat(scheme.indicators().get(0).goalposts().upper()).isEqualTo(30.0);

    JsonObject ratio =
        indicator("closed_share", "higher_better")
            .put("goalposts", new JsonObject().put("lower", 0).put("upper", 30));
    assertRejected(
        parse("target", ratio),
        List.of(),
        "indicators[0].goalposts.upper",
        "must be a rate from 0 to 1, was 30.0");
  }

  @Test
  void keepsTheMessagesOfTheBuiltInsAndRejectsWhatIsNoCode() {
    assertThatThrownBy(() -> parse(indicator("received", "higher_better")))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessage(
            "indicators[0].rate: must be one of resolution_rate, overdue_rate, recurrence_rate,"
                + " satisfaction_rate, was \"received\"");
    assertThatThrownBy(() -> parse(indicator("Not A Code", "higher_better")))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessageStartingWith("indicators[0].rate: must be one of resolution_rate");
    JsonObject wide =
        indicator("overdue_rate", "lower_better")
            .put("goalposts", new JsonObject().put("lower", 0).put("upper", 2));
    assertThatThrownBy(() -> parse("target", wide))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessage("indicators[0].goalposts.upper: must be a rate from 0 to 1, was 2.0");
  }

  private static void assertRejected(
      Scheme scheme, List<String> retired, String field, String message) {
    assertThatThrownBy(() -> SchemeCodes.check(scheme, IN_FORCE, retired))
        .isInstanceOfSatisfying(
            InvalidSchemeException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).isEqualTo(field + ": " + message);
            });
  }

  private static Scheme parse(JsonObject... indicators) {
    return parse("min_max", indicators);
  }

  private static Scheme parse(String normalisation, JsonObject... indicators) {
    JsonArray array = new JsonArray();
    for (JsonObject i : indicators) {
      array.add(i);
    }
    return SchemeJson.parse(
        new JsonObject()
            .put("id", "mixed")
            .put("name", "混合方案")
            .put("normalisation", normalisation)
            .put("indicators", array),
        1);
  }

  private static JsonObject indicator(String code, String direction) {
    return new JsonObject().put("rate", code).put("weight", 1).put("direction", direction);
  }

  private static Map<String, IndicatorDefinition> inForce() {
    Map<String, IndicatorDefinition> all = new HashMap<>();
    BuiltInIndicators.all().forEach(d -> all.put(d.code(), d));
    for (JsonObject json :
        List.of(
            new JsonObject()
                .put("code", "mean_days")
                .put("name", "平均办理时长")
                .put("kind", "case_mean_days")
                .put("direction", "lower_better")
                .put("filter", new JsonObject()),
            new JsonObject()
                .put("code", "closed_share")
                .put("name", "办结占比")
                .put("kind", "case_ratio")
                .put("direction", "higher_better")
                .put("denominator", new JsonObject())
                .put("numerator", new JsonObject().put("closed", true)),
            new JsonObject()
                .put("code", "payout")
                .put("name", "政策兑现率")
                .put("kind", "reported")
                .put("direction", "higher_better"))) {
      IndicatorDefinition d =
          IndicatorDefinitionParser.parse(new JsonObject(json.encode()).getMap()).definition();
      all.put(d.code(), d);
    }
    return all;
  }
}
