package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Goalposts;
import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.ranking.Scheme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SchemeJsonTest {

  @Test
  void roundTripsEveryField() {
    Scheme scheme =
        Scheme.builder()
            .id("targets")
            .version(3)
            .name("目标值方案")
            .minimumVolume(50)
            .normalisation(Normalisation.TARGET)
            .indicator(Indicator.OVERDUE_RATE, 0.4, Direction.LOWER_BETTER, new Goalposts(0, 0.2))
            .indicator(
                Indicator.SATISFACTION_RATE, 0.6, Direction.HIGHER_BETTER, new Goalposts(0.8, 1))
            .build();

    JsonObject json = SchemeJson.toJson(scheme);
    json.remove("version");

    assertThat(SchemeJson.parse(json, 3)).isEqualTo(scheme);
  }

  @Test
  void defaultsMinimumVolumeAndNormalisation() {
    Scheme scheme =
        SchemeJson.parse(
            new JsonObject()
                .put("id", "plain")
                .put("name", "简单")
                .put(
                    "indicators",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("rate", "resolution_rate")
                                .put("weight", 1)
                                .put("direction", "higher_better"))),
            1);

    assertThat(scheme.minimumVolume()).isEqualTo(Scheme.DEFAULT_MINIMUM_VOLUME);
    assertThat(scheme.normalisation()).isEqualTo(Normalisation.MIN_MAX);
  }

  @Test
  void readsTheStandardSchemeBack() {
    JsonObject json = SchemeJson.toJson(Scheme.standard());
    json.remove("version");

    assertThat(SchemeJson.parse(json, 1)).isEqualTo(Scheme.standard());
  }

  @Test
  void rejectsAServerAssignedVersion() {
    JsonObject json = SchemeJson.toJson(Scheme.standard());

    assertThatThrownBy(() -> SchemeJson.parse(json, 1))
        .isInstanceOfSatisfying(
            InvalidSchemeException.class, e -> assertThat(e.field()).isEqualTo("version"));
  }

  @Test
  void namesTheGoalpostOfTheRightIndicator() {
    JsonObject json = SchemeJson.toJson(Scheme.standard());
    json.remove("version");
    json.put("normalisation", "target");
    json.getJsonArray("indicators")
        .getJsonObject(1)
        .put("goalposts", new JsonObject().put("lower", 0.5).put("upper", 0.1));

    assertThatThrownBy(() -> SchemeJson.parse(json, 1))
        .isInstanceOfSatisfying(
            InvalidSchemeException.class,
            e -> assertThat(e.field()).isEqualTo("indicators[1].goalposts.upper"));
  }

  @Test
  void rejectsAWeightGivenAsText() {
    JsonObject json = SchemeJson.toJson(Scheme.standard());
    json.remove("version");
    json.getJsonArray("indicators").getJsonObject(2).put("weight", "0.2");

    assertThatThrownBy(() -> SchemeJson.parse(json, 1))
        .isInstanceOfSatisfying(
            InvalidSchemeException.class,
            e -> assertThat(e.field()).isEqualTo("indicators[2].weight"));
  }
}
