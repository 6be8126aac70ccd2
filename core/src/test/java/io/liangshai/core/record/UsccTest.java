package io.liangshai.core.record;

import static io.liangshai.core.record.ProblemExpectations.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91350100M000100Y43",
        "91330381E555KQXB8C",
        "913307232WQ5D2HMTE",
        "91330213Y4314NTB6T",
        "91330523HF2TLUP2QL"
      })
  void acceptsCodesWithTheRightCheckCharacter(String code) {
    assertThat(Uscc.isValid(code)).isTrue();
    assertThat(Uscc.problem(code)).isEmpty();
  }

  @Test
  void rejectsWrongCheckCharacterSayingWhichIsExpected() {
    // From the sample feed: the check character should be 4.
    assertThat(Uscc.problem("91330226Y80CXBQ745"))
        .hasValueSatisfying(
            problem(
                ErrorCode.USCC_CHECK_CHARACTER,
                Map.of("expected", "4", "actual", "5"),
                "should be '4'",
                "is '5'"));
  }

  @Test
  void mapsCheckValue31ToZero() {
    assertThat(Uscc.checkCharacter("91330522000000DAB")).isEqualTo('0');
    assertThat(Uscc.isValid("91330522000000DAB0")).isTrue();
  }

  @Test
  void rejectsWrongLength() {
    assertThat(Uscc.problem("91350100M000100Y4"))
        .hasValueSatisfying(
            problem(
                ErrorCode.USCC_LENGTH, Map.of("length", "17"), "expected 18 characters, found 17"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100I000100Y43", "91350100O000100Y43", "91350100m000100Y43"})
  void rejectsCharactersOutsideTheCharset(String code) {
    assertThat(Uscc.problem(code))
        .hasValueSatisfying(
            problem(
                ErrorCode.USCC_CHARACTER, Map.of("position", "9"), "position 9", "not allowed"));
  }

  @Test
  void rejectsMissingCode() {
    assertThat(Uscc.isValid(null)).isFalse();
  }

  @Test
  void refusesToComputeACheckCharacterFromBadInput() {
    assertThatThrownBy(() -> Uscc.checkCharacter("9135010"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Uscc.checkCharacter("91350100S000100Y4"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
