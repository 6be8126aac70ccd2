package io.liangshai.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorDefinitionParser;
import java.util.List;
import java.util.Map;

/**
 * Custom indicators as the tests define them: through {@link IndicatorDefinitionParser}, as a
 * user's definition is read.
 */
public final class CustomIndicators {

  private CustomIndicators() {}

  /** The indicator {@code json} defines; fails the test when the parser finds an error in it. */
  public static IndicatorDefinition define(Map<String, Object> json) {
    IndicatorDefinitionParser.Result result = IndicatorDefinitionParser.parse(json);
    assertThat(result.errors()).as("errors defining %s", json.get("code")).isEmpty();
    return result.definition();
  }

  /**
   * 办结率 of the cases of {@code categories}: those closed over all of them, higher better, with
   * {@code target}.
   */
  public static IndicatorDefinition resolutionOf(
      String code, String name, double target, String... categories) {
    return define(
        Map.of(
            "code",
            code,
            "name",
            name,
            "kind",
            "case_ratio",
            "direction",
            "higher_better",
            "target",
            target,
            "denominator",
            Map.of("category", List.of(categories)),
            "numerator",
            Map.of("closed", true)));
  }
}
