package io.liangshai.api;

import io.liangshai.core.evaluation.IndicatorDefinition;
import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.ranking.Direction;
import io.liangshai.core.ranking.Goalposts;
import io.liangshai.core.ranking.InvalidSchemeException;
import io.liangshai.core.ranking.Normalisation;
import io.liangshai.core.ranking.Scheme;
import io.liangshai.core.ranking.SchemeIndicator;
import io.liangshai.core.record.WireNamed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A scheme definition (评价方案) on the wire and in the {@code schemes} table:
 *
 * <pre>{@code
 * {"id": "strict", "name": "从严方案", "minimum_volume": 20, "normalisation": "min_max",
 *  "indicators": [{"rate": "overdue_rate", "weight": 1, "direction": "lower_better",
 *                  "goalposts": {"lower": 0, "upper": 0.2}}]}
 * }</pre>
 *
 * {@code minimum_volume} (default 20) and {@code normalisation} (default {@code min_max}) may be
 * left out; {@code goalposts} only matter under {@code target}. Every mistake is an {@link
 * InvalidSchemeException} naming the field, e.g. {@code indicators[1].weight}.
 */
final class SchemeJson {

  private static final Set<String> FIELDS =
      Set.of("id", "name", "minimum_volume", "normalisation", "indicators");
  private static final Set<String> INDICATOR_FIELDS =
      Set.of("rate", "weight", "direction", "goalposts");
  private static final Set<String> GOALPOST_FIELDS = Set.of("lower", "upper");

  private SchemeJson() {}

  /**
   * The scheme {@code json} defines, as {@code version}.
   *
   * @throws InvalidSchemeException naming the first wrong field
   */
  static Scheme parse(JsonObject json, int version) {
    rejectUnknown(json, FIELDS, "");
    if (json.containsKey("version")) {
      throw new InvalidSchemeException("version", "is assigned by the server; leave it out");
    }
    Scheme.Builder builder =
        Scheme.builder().id(string(json, "id")).version(version).name(string(json, "name"));
    if (json.getValue("minimum_volume") != null) {
      builder.minimumVolume(integer(json.getValue("minimum_volume"), "minimum_volume"));
    }
    if (json.getValue("normalisation") != null) {
      builder.normalisation(
          wireNamed(Normalisation.class, json.getValue("normalisation"), "normalisation"));
    }
    Object indicators = json.getValue("indicators");
    if (indicators != null && !(indicators instanceof JsonArray)) {
      throw new InvalidSchemeException(
          "indicators", "must be an array of {rate, weight, direction}");
    }
    if (indicators != null) {
      JsonArray array = (JsonArray) indicators;
      for (int i = 0; i < array.size(); i++) {
        builder.indicator(indicator(array.getValue(i), "indicators[" + i + "]"));
      }
    }
    return builder.build();
  }

  /** The definition as stored and as answered: id, version, name and what {@link #parse} reads. */
  static JsonObject toJson(Scheme scheme) {
    JsonArray indicators = new JsonArray();
    for (SchemeIndicator indicator : scheme.indicators()) {
      JsonObject json =
          new JsonObject()
              .put("rate", indicator.code())
              .put("weight", indicator.weight())
              .put("direction", indicator.direction().wireName());
      if (indicator.goalposts() != null) {
        json.put(
            "goalposts",
            new JsonObject()
                .put("lower", indicator.goalposts().lower())
                .put("upper", indicator.goalposts().upper()));
      }
      indicators.add(json);
    }
    return new JsonObject()
        .put("id", scheme.id())
        .put("version", scheme.version())
        .put("name", scheme.name())
        .put("minimum_volume", scheme.minimumVolume())
        .put("normalisation", scheme.normalisation().wireName())
        .put("indicators", indicators);
  }

  private static SchemeIndicator indicator(Object value, String field) {
    if (!(value instanceof JsonObject json)) {
      throw new InvalidSchemeException(field, "must be an object {rate, weight, direction}");
    }
    rejectUnknown(json, INDICATOR_FIELDS, field + ".");
    String rate = rate(json.getValue("rate"), field + ".rate");
    double weight = number(json.getValue("weight"), field + ".weight");
    Direction direction =
        wireNamed(Direction.class, json.getValue("direction"), field + ".direction");
    boolean builtIn = Indicator.byWireName(rate).isPresent();
    Goalposts goalposts = goalposts(json.getValue("goalposts"), field + ".goalposts", builtIn);
    try {
      return new SchemeIndicator(rate, weight, direction, goalposts);
    } catch (InvalidSchemeException e) {
      throw new InvalidSchemeException(field + "." + e.field(), detail(e));
    }
  }

  /**
   * A built-in rate, or any other string shaped like an indicator code (SPEC §7); whether that code
   * is in force is {@link SchemeCodes}'s to say.
   */
  private static String rate(Object value, String field) {
    if (value == null) {
      throw new InvalidSchemeException(field, "is required, one of " + rates());
    }
    Indicator rate = Indicator.byWireName(String.valueOf(value)).orElse(null);
    boolean code =
        rate == null && value instanceof String s && IndicatorDefinition.CODE.matcher(s).matches();
    if (!(value instanceof String) || (!code && (rate == null || !rate.isRate()))) {
      throw new InvalidSchemeException(field, "must be one of " + rates() + ", was " + show(value));
    }
    return (String) value;
  }

  /** Goalposts of a built-in {@code rate} lie from 0 to 1; others are in the indicator's unit. */
  private static Goalposts goalposts(Object value, String field, boolean rate) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject json)) {
      throw new InvalidSchemeException(field, "must be an object {lower, upper} of rates 0–1");
    }
    rejectUnknown(json, GOALPOST_FIELDS, field + ".");
    double lower = number(json.getValue("lower"), field + ".lower");
    double upper = number(json.getValue("upper"), field + ".upper");
    try {
      return rate ? new Goalposts(lower, upper) : Goalposts.inUnits(lower, upper);
    } catch (InvalidSchemeException e) {
      String name = e.field().substring(e.field().lastIndexOf('.') + 1);
      throw new InvalidSchemeException(field + "." + name, detail(e));
    }
  }

  private static String string(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof String)) {
      throw new InvalidSchemeException(name, "must be a string, was " + show(value));
    }
    return (String) value;
  }

  private static double number(Object value, String field) {
    if (!(value instanceof Number n)) {
      throw new InvalidSchemeException(field, "must be a number, was " + show(value));
    }
    return n.doubleValue();
  }

  private static int integer(Object value, String field) {
    double d = number(value, field);
    if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      throw new InvalidSchemeException(field, "must be a whole number, was " + show(value));
    }
    return (int) d;
  }

  private static <E extends Enum<E> & WireNamed> E wireNamed(
      Class<E> type, Object value, String field) {
    if (value == null) {
      throw new InvalidSchemeException(field, "is required, one of " + WireNamed.allowed(type));
    }
    return WireNamed.parse(type, value instanceof String s ? s : "")
        .orElseThrow(
            () ->
                new InvalidSchemeException(
                    field, "must be one of " + WireNamed.allowed(type) + ", was " + show(value)));
  }

  private static void rejectUnknown(JsonObject json, Set<String> known, String prefix) {
    for (String key : json.fieldNames()) {
      if (!known.contains(key) && !(prefix.isEmpty() && key.equals("version"))) {
        throw new InvalidSchemeException(
            prefix + key, "is not a scheme field; expected " + known.stream().sorted().toList());
      }
    }
  }

  private static String rates() {
    return Arrays.stream(Indicator.values())
        .filter(Indicator::isRate)
        .map(Indicator::wireName)
        .collect(Collectors.joining(", "));
  }

  /** The core message without its own {@code field: } prefix. */
  private static String detail(InvalidSchemeException e) {
    String prefix = e.field() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String show(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
