package io.liangshai.core.lang;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequiredTest {

  @Test
  void passesWhenEveryValueIsPresent() {
    assertThatCode(() -> Required.nonNull("id at", "r_1", 3)).doesNotThrowAnyException();
  }

  @Test
  void namesTheFirstMissingValue() {
    assertThatThrownBy(() -> Required.nonNull("id  at tenant", "r_1", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("at");
  }

  @Test
  void rejectsNamesThatDoNotMatchTheValues() {
    assertThatThrownBy(() -> Required.nonNull("id at", "r_1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 names (id at) for 1 values");
  }
}
