package io.liangshai.reports.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.vocabulary.Vocabulary;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A bulletin names groups, rates and methods with the vocabulary's terms, not its own. */
class WordingTest {

  @Test
  void namesEveryStandardGroupAsTheVocabularyDoes() {
    assertThat(Wording.STANDARD_GROUPS)
        .containsExactlyInAnyOrderElementsOf(Vocabulary.section("group").keySet());
    Wording.STANDARD_GROUPS.forEach(
        g -> assertThat(Wording.group(g)).isEqualTo(Vocabulary.term("group", g)));
  }

  @Test
  void namesEveryRateAsTheVocabularyDoesAndItsShortNameIsItsStart() {
    Arrays.stream(Indicator.values())
        .filter(Indicator::isRate)
        .forEach(
            rate -> {
              assertThat(Wording.rate(rate)).isEqualTo(Vocabulary.indicator(rate));
              assertThat(Vocabulary.indicator(rate)).startsWith(Wording.shortRate(rate));
            });
    assertThat(Wording.rate(Indicator.RESOLUTION_RATE)).isEqualTo("办结率");
    assertThatThrownBy(() -> Wording.rate(Indicator.RECEIVED))
        .hasMessageContaining("received is not a rate");
  }

  @Test
  void namesDirectionsAndMethodsAsTheVocabularyDoes() {
    for (Direction d : Direction.values()) {
      assertThat(Wording.direction(d)).isEqualTo(Vocabulary.term("direction", d.wireName()));
    }
    for (Normalisation n : Normalisation.values()) {
      assertThat(Wording.normalisation(n))
          .isEqualTo(Vocabulary.term("normalisation", n.wireName()));
    }
    assertThat(Wording.normalisation(Normalisation.Z_SCORE)).isEqualTo("组内标准分法（50+10z）");
  }
}
