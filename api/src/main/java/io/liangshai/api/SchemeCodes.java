package io.liangshai.api;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.evaluation.IndicatorKind;
import io.liangshai.core.ranking.Goalposts;
import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a scheme may score beyond the four built-in rates (SPEC §7): any indicator code the {@link
 * IndicatorCatalog} has in force, with that indicator's own direction, and goalposts in its unit
 * (rates from 0 to 1 for a {@code case_ratio}). A built-in rate is checked by core's {@link Scheme}
 * alone, as before. Blocking (the catalog reads PostgreSQL).
 */
record SchemeCodes(IndicatorCatalog catalog) {

  SchemeCodes {
    Objects.requireNonNull(catalog, "catalog");
  }

  /** The indicators in force, by code: the built-ins and every defined code not retired. */
  Map<String, IndicatorDefinition> inForce() {
    return catalog.active().stream()
        .collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
  }

  /**
   * Checks every indicator of {@code scheme} that is not a built-in rate against {@code inForce}.
   *
   * @throws InvalidSchemeException naming the field, e.g. {@code indicators[2].rate}
   */
  static void check(Scheme scheme, Map<String, IndicatorDefinition> inForce, List<String> retired) {
    List<SchemeIndicator> indicators = scheme.indicators();
    for (int i = 0; i < indicators.size(); i++) {
      SchemeIndicator indicator = indicators.get(i);
      if (indicator.isBuiltIn()) {
        continue;
      }
      String field = "indicators[" + i + "]";
      String code = indicator.code();
      IndicatorDefinition d = inForce.get(code);
      if (d == null) {
        throw new InvalidSchemeException(
            field + ".rate",
            retired.contains(code)
                ? code + " is retired; a scheme scores indicators in force only"
                : "must be a built-in rate or an indicator code in force (GET /api/v1/indicators),"
                    + " was \""
                    + code
                    + "\"");
      }
      if (indicator.direction() != d.direction()) {
        throw new InvalidSchemeException(
            field + ".direction",
            "of "
                + code
                + " must be "
                + d.direction().wireName()
                + ", the indicator's own direction, was "
                + indicator.direction().wireName());
      }
      Goalposts goalposts = indicator.goalposts();
      if (goalposts != null && d.kind() == IndicatorKind.CASE_RATIO) {
        try {
          new Goalposts(goalposts.lower(), goalposts.upper());
        } catch (InvalidSchemeException e) {
          throw new InvalidSchemeException(
              field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
      }
    }
  }

  /** {@link #check} against the catalog as it stands. */
  void check(Scheme scheme) {
    check(scheme, inForce());
  }

  /**
   * {@link #check} against {@code inForce} (the catalog's, or a preview's with draft definitions
   * over it), naming the catalog's retired codes.
   */
  void check(Scheme scheme, Map<String, IndicatorDefinition> inForce) {
    if (scheme.customIndicators().isEmpty()) {
      return;
    }
    List<String> retired =
        catalog.all().stream()
            .filter(e -> e.current() == null && !inForce.containsKey(e.code()))
            .map(IndicatorCatalog.Entry::code)
            .toList();
    check(scheme, inForce, retired);
  }
}
