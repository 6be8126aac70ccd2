package io.liangshai.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;

/** What a test expects of a {@link Problem}, for {@code hasValueSatisfying}. */
final class ProblemExpectations {

  private ProblemExpectations() {}

  /**
   * A problem with {@code code}, at least the entries of {@code params}, and a message containing
   * each of {@code messageParts}.
   */
  static Consumer<Problem> problem(
      ErrorCode code, Map<String, String> params, String... messageParts) {
    return p -> {
      assertThat(p.code()).isEqualTo(code);
      assertThat(p.params()).containsAllEntriesOf(params);
      assertThat(p.message()).contains(messageParts);
    };
  }
}
