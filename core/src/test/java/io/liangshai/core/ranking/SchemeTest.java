package io.liangshai.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.indicator.Indicator;
import org.junit.jupiter.api.Test;

class SchemeTest {

  @Test
  void standardIsTheSchemeOfSpecSection4() {
    Scheme standard = Scheme.standard();

    assertThat(standard.id()).isEqualTo("standard");
    assertThat(standard.version()).isEqualTo(1);
    assertThat(standard.minimumVolume()).isEqualTo(20);
    assertThat(standard.normalisation()).isEqualTo(Normalisation.MIN_MAX);
    assertThat(standard.indicators())
        .containsExactly(
            new SchemeIndicator(Indicator.RESOLUTION_RATE, 0.3, Direction.HIGHER_BETTER),
            new SchemeIndicator(Indicator.OVERDUE_RATE, 0.2, Direction.LOWER_BETTER),
            new SchemeIndicator(Indicator.RECURRENCE_RATE, 0.2, Direction.LOWER_BETTER),
            new SchemeIndicator(Indicator.SATISFACTION_RATE, 0.3, Direction.HIGHER_BETTER));
    assertThat(standard.totalWeight()).isEqualTo(1.0);
  }

  @Test
  void makesTheNextVersionFromAnExistingScheme() {
    Scheme next = Scheme.standard().toBuilder().version(2).minimumVolume(30).build();

    assertThat(next.version()).isEqualTo(2);
    assertThat(next.minimumVolume()).isEqualTo(30);
    assertThat(next.indicators()).isEqualTo(Scheme.standard().indicators());
    assertThat(next.toBuilder().version(1).minimumVolume(20).build()).isEqualTo(Scheme.standard());
  }

  @Test
  void givesRatesOutsideTheSchemeTheirNaturalDirection() {
    Scheme scheme = RankingFixtures.single(Indicator.OVERDUE_RATE, Direction.HIGHER_BETTER);

    assertThat(scheme.direction(Indicator.OVERDUE_RATE)).isEqualTo(Direction.HIGHER_BETTER);
    assertThat(scheme.direction(Indicator.RESOLUTION_RATE)).isEqualTo(Direction.HIGHER_BETTER);
    assertThat(scheme.direction(Indicator.RECURRENCE_RATE)).isEqualTo(Direction.LOWER_BETTER);
    assertThat(scheme.direction(Indicator.SATISFACTION_RATE)).isEqualTo(Direction.HIGHER_BETTER);
  }

  @Test
  void rejectsAWeightThatIsNotPositiveNamingTheRate() {
    for (double weight : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () ->
                  Scheme.builder()
                      .indicator(Indicator.RESOLUTION_RATE, weight, Direction.HIGHER_BETTER))
          .isInstanceOf(InvalidSchemeException.class)
          .hasMessageContaining("weight")
          .hasMessageContaining("resolution_rate")
          .extracting(e -> ((InvalidSchemeException) e).field())
          .isEqualTo("weight");
    }
  }

  @Test
  void rejectsACountAsAnIndicator() {
    assertThatThrownBy(
            () -> Scheme.builder().indicator(Indicator.RECEIVED, 1, Direction.HIGHER_BETTER))
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessage("rate: received is a count; a scheme scores rates only");
  }

  @Test
  void rejectsAMissingDirection() {
    assertThatThrownBy(() -> new SchemeIndicator(Indicator.OVERDUE_RATE, 1, null))
        .hasMessage("direction: of overdue_rate is required");
  }

  @Test
  void rejectsASchemeWithoutIndicators() {
    assertThatThrownBy(() -> Scheme.builder().id("empty").name("empty").build())
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessage("indicators: must list at least one rate");
  }

  @Test
  void rejectsARateListedTwice() {
    Scheme.Builder builder =
        Scheme.builder()
            .id("twice")
            .name("twice")
            .indicator(Indicator.RESOLUTION_RATE, 1, Direction.HIGHER_BETTER)
            .indicator(Indicator.RESOLUTION_RATE, 2, Direction.HIGHER_BETTER);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidSchemeException.class)
        .hasMessage("indicators[1].rate: resolution_rate is listed twice");
  }

  @Test
  void rejectsBadIdVersionNameVolumeAndNormalisationNamingEach() {
    assertField(valid().id("Not A Slug"), "id");
    assertField(valid().id(null), "id");
    assertField(valid().version(0), "version");
    assertField(valid().name(" "), "name");
    assertField(valid().minimumVolume(0), "minimum_volume");
    assertField(valid().normalisation(null), "normalisation");
  }

  @Test
  void requiresGoalpostsForEveryIndicatorUnderTarget() {
    assertField(valid().normalisation(Normalisation.TARGET), "indicators[0].goalposts");
    Scheme target =
        Scheme.builder()
            .id("target")
            .name("target")
            .normalisation(Normalisation.TARGET)
            .indicator(
                Indicator.RESOLUTION_RATE, 1, Direction.HIGHER_BETTER, new Goalposts(0.9, 1.0))
            .build();
    assertThat(target.indicators().get(0).goalposts()).isEqualTo(new Goalposts(0.9, 1.0));
  }

  @Test
  void rejectsGoalpostsOutOfOrderOrOutsideZeroToOne() {
    assertThatThrownBy(() -> new Goalposts(0.5, 0.5)).hasMessageStartingWith("goalposts.upper");
    assertThatThrownBy(() -> new Goalposts(-0.1, 0.5)).hasMessageStartingWith("goalposts.lower");
    assertThatThrownBy(() -> new Goalposts(0.1, 1.5)).hasMessageStartingWith("goalposts.upper");
  }

  private static Scheme.Builder valid() {
    return Scheme.builder()
        .id("custom")
        .name("custom")
        .indicator(Indicator.RESOLUTION_RATE, 1, Direction.HIGHER_BETTER);
  }

  private static void assertField(Scheme.Builder builder, String field) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidSchemeException.class)
        .extracting(e -> ((InvalidSchemeException) e).field())
        .isEqualTo(field);
  }
}
