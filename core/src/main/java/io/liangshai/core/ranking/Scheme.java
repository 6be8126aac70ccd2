package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scoring scheme (评价方案): rates with weights and directions, the minimum volume on {@code
 * received} below which a tenant is listed but not ranked, and the normalisation. A scheme is a
 * value; a changed scheme is a new {@code version} of the same {@code id} (see {@link
 * #toBuilder()}).
 *
 * @param id lowercase slug, e.g. {@code standard}
 * @param version 1, 2, ...
 * @param name a display name, e.g. {@code 标准方案}
 * @param indicators at least one, each rate at most once, in display order
 * @param minimumVolume the least {@code received} for a tenant to be ranked (SPEC §4.1)
 * @param normalisation how each indicator is scored 0–100
 */
public record Scheme(
    String id,
    int version,
    String name,
    List<SchemeIndicator> indicators,
    int minimumVolume,
    Normalisation normalisation) {

  /** The minimum volume SPEC §4.1 gives. */
  public static final int DEFAULT_MINIMUM_VOLUME = 20;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final int MAX_NAME_LENGTH = 200;

  public Scheme {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidSchemeException(
          "id", "must be 1–64 of a-z, 0-9, '_' or '-', starting with a letter, was " + quote(id));
    }
    if (version < 1) {
      throw new InvalidSchemeException("version", "must be ≥ 1, was " + version);
    }
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidSchemeException(
          "name", "must be 1–" + MAX_NAME_LENGTH + " characters, not blank, was " + quote(name));
    }
    indicators = validIndicators(indicators, normalisation);
    if (minimumVolume < 1) {
      throw new InvalidSchemeException("minimum_volume", "must be ≥ 1, was " + minimumVolume);
    }
  }

  /**
   * SPEC §4's {@code standard}: 办结率 0.3 higher-better, 超时办结率 0.2 lower-better, 重发复发率 0.2
   * lower-better, 满意率 0.3 higher-better; minimum volume 20; min-max.
   */
  public static Scheme standard() {
    return builder()
        .id("standard")
        .name("标准方案")
        .indicator(Indicator.RESOLUTION_RATE, 0.3, Direction.HIGHER_BETTER)
        .indicator(Indicator.OVERDUE_RATE, 0.2, Direction.LOWER_BETTER)
        .indicator(Indicator.RECURRENCE_RATE, 0.2, Direction.LOWER_BETTER)
        .indicator(Indicator.SATISFACTION_RATE, 0.3, Direction.HIGHER_BETTER)
        .build();
  }

  /** A builder with version 1, minimum volume 20 and min-max normalisation. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this scheme's values, e.g. to make its next version. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .id(id)
            .version(version)
            .name(name)
            .minimumVolume(minimumVolume)
            .normalisation(normalisation);
    indicators.forEach(builder::indicator);
    return builder;
  }

  /** Σ wᵢ. */
  public double totalWeight() {
    double total = 0;
    for (SchemeIndicator indicator : indicators) {
      total += indicator.weight();
    }
    return total;
  }

  /** The scheme's entry for {@code rate}, or null when the scheme does not score it. */
  public SchemeIndicator entry(Indicator rate) {
    for (SchemeIndicator indicator : indicators) {
      if (indicator.rate() == rate) {
        return indicator;
      }
    }
    return null;
  }

  /** The scheme's entries for indicator codes other than the four built-in rates. */
  public List<SchemeIndicator> customIndicators() {
    return indicators.stream().filter(i -> !i.isBuiltIn()).toList();
  }

  /** The scheme's direction for {@code rate}, else the rate's natural one. */
  public Direction direction(Indicator rate) {
    SchemeIndicator entry = entry(rate);
    return entry != null ? entry.direction() : Direction.natural(rate);
  }

  private static List<SchemeIndicator> validIndicators(
      List<SchemeIndicator> indicators, Normalisation normalisation) {
    if (normalisation == null) {
      throw new InvalidSchemeException("normalisation", "is required");
    }
    if (indicators == null || indicators.isEmpty()) {
      throw new InvalidSchemeException("indicators", "must list at least one rate");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < indicators.size(); i++) {
      SchemeIndicator indicator = indicators.get(i);
      String field = "indicators[" + i + "]";
      if (indicator == null) {
        throw new InvalidSchemeException(field, "is null");
      }
      if (!seen.add(indicator.code())) {
        throw new InvalidSchemeException(field + ".rate", indicator.code() + " is listed twice");
      }
      if (normalisation == Normalisation.TARGET && indicator.goalposts() == null) {
        throw new InvalidSchemeException(
            field + ".goalposts",
            "are required for " + indicator.code() + " under target normalisation");
      }
    }
    return List.copyOf(indicators);
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  /** Collects a scheme's arguments; {@link #build()} validates them all. */
  public static final class Builder {
    private String id;
    private int version = 1;
    private String name;
    private final List<SchemeIndicator> indicators = new ArrayList<>();
    private int minimumVolume = DEFAULT_MINIMUM_VOLUME;
    private Normalisation normalisation = Normalisation.MIN_MAX;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder version(int version) {
      this.version = version;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds a rate; throws at once when the rate, weight or direction is wrong. */
    public Builder indicator(Indicator rate, double weight, Direction direction) {
      return indicator(new SchemeIndicator(rate, weight, direction));
    }

    /** Adds a rate with goalposts for {@link Normalisation#TARGET}. */
    public Builder indicator(
        Indicator rate, double weight, Direction direction, Goalposts goalposts) {
      return indicator(new SchemeIndicator(rate, weight, direction, goalposts));
    }

    public Builder indicator(SchemeIndicator indicator) {
      indicators.add(indicator);
      return this;
    }

    public Builder minimumVolume(int minimumVolume) {
      this.minimumVolume = minimumVolume;
      return this;
    }

    public Builder normalisation(Normalisation normalisation) {
      this.normalisation = normalisation;
      return this;
    }

    /**
     * @throws InvalidSchemeException naming the first wrong argument
     */
    public Scheme build() {
      return new Scheme(id, version, name, indicators, minimumVolume, normalisation);
    }
  }
}
