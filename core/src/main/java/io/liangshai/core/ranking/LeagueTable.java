package io.liangshai.core.ranking;

import io.liangshai.core.indicator.Indicator;
import io.liangshai.core.lang.Required;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A scored league table of one peer group for one period (晾晒评价, SPEC §4): eligibility, normalised
 * indicator scores, the weighted score, shared ranks, the previous rank, and for every rate its
 * Wilson interval, funnel signal and shrunk value; beyond the SPEC, each tenant's rank interval and
 * the scheme's weight sensitivity. Results do not depend on the order of the tenants.
 */
public final class LeagueTable {

  /** The four rates of SPEC §3, in SPEC order. */
  static final List<Indicator> RATES =
      List.of(
          Indicator.RESOLUTION_RATE,
          Indicator.OVERDUE_RATE,
          Indicator.RECURRENCE_RATE,
          Indicator.SATISFACTION_RATE);

  private final Scheme scheme;
  private final List<LeagueRow> rows;
  private final Map<Indicator, Double> pooledRates;
  private final Map<Indicator, BetaBinomialPrior> priors;
  private final WeightSensitivity weightSensitivity;
  private final Map<String, Double> pooledCustom;

  private LeagueTable(
      Scheme scheme,
      List<LeagueRow> rows,
      Map<Indicator, Double> pooledRates,
      Map<Indicator, BetaBinomialPrior> priors,
      WeightSensitivity weightSensitivity,
      Map<String, Double> pooledCustom) {
    this.scheme = scheme;
    this.rows = List.copyOf(rows);
    this.pooledRates = Collections.unmodifiableMap(pooledRates);
    this.priors = Collections.unmodifiableMap(priors);
    this.weightSensitivity = weightSensitivity;
    this.pooledCustom = pooledCustom;
  }

  /** {@link #compute(Scheme, List, Map, RobustnessSettings)} with the default settings. */
  public static LeagueTable compute(
      Scheme scheme, List<TenantFigures> current, Map<String, Integer> previousRanks) {
    return compute(scheme, current, previousRanks, RobustnessSettings.defaults());
  }

  /**
   * Ranks the members of a peer group.
   *
   * @param current every member of the group with its figures for the period, in any order
   * @param previousRanks tenant code → rank in the previous period of the same length; tenants
   *     without one are simply absent
   * @throws IllegalArgumentException when a tenant is listed twice
   */
  public static LeagueTable compute(
      Scheme scheme,
      List<TenantFigures> current,
      Map<String, Integer> previousRanks,
      RobustnessSettings settings) {
    Required.nonNull(
        "scheme current previousRanks settings", scheme, current, previousRanks, settings);
    List<TenantFigures> eligible = new ArrayList<>();
    List<TenantFigures> ineligible = new ArrayList<>();
    for (TenantFigures figures : byTenantCode(current)) {
      (figures.received() >= scheme.minimumVolume() ? eligible : ineligible).add(figures);
    }
    return new Builder(scheme, eligible, previousRanks, settings).build(ineligible);
  }

  public Scheme scheme() {
    return scheme;
  }

  /** Every member: eligible ones by rank then tenant code, then ineligible ones by tenant code. */
  public List<LeagueRow> rows() {
    return rows;
  }

  /** The row of {@code tenant}, if it is a member. */
  public Optional<LeagueRow> row(String tenant) {
    return rows.stream().filter(r -> r.tenant().equals(tenant)).findFirst();
  }

  /** p₀ of each rate: Σ numerators / Σ denominators over eligible tenants; null when Σ is 0. */
  public Map<Indicator, Double> pooledRates() {
    return pooledRates;
  }

  /** p₀ of each ratio among the scheme's other indicator codes (SPEC §7); means are absent. */
  public Map<String, Double> pooledCustom() {
    return pooledCustom;
  }

  /** The empirical-Bayes prior of each rate; absent when the eligible tenants give none. */
  public Map<Indicator, BetaBinomialPrior> priors() {
    return priors;
  }

  /** The scheme's weight sensitivity over this group; null when not run or nobody is eligible. */
  public WeightSensitivity weightSensitivity() {
    return weightSensitivity;
  }

  private static List<TenantFigures> byTenantCode(List<TenantFigures> current) {
    List<TenantFigures> sorted = new ArrayList<>(current);
    Set<String> seen = new HashSet<>();
    for (TenantFigures figures : sorted) {
      Objects.requireNonNull(figures, "current contains null");
      if (!seen.add(figures.tenant())) {
        throw new IllegalArgumentException("tenant " + figures.tenant() + " is listed twice");
      }
    }
    sorted.sort(Comparator.comparing(TenantFigures::tenant));
    return sorted;
  }

  /** One computation: the eligible tenants as arrays, then rows. */
  private static final class Builder {
    private final Scheme scheme;
    private final List<TenantFigures> eligible;
    private final Map<String, Integer> previousRanks;
    private final RobustnessSettings settings;
    private BuiltInRates rates;
    private long[][] numerators;
    private long[][] denominators;
    private double[][] fixed;
    private CustomIndicators custom;
    private double[][] scores;
    private BigDecimal[] totals;
    private int[] ranks;

    Builder(
        Scheme scheme,
        List<TenantFigures> eligible,
        Map<String, Integer> previousRanks,
        RobustnessSettings settings) {
      this.scheme = scheme;
      this.eligible = eligible;
      this.previousRanks = previousRanks;
      this.settings = settings;
    }

    LeagueTable build(List<TenantFigures> ineligible) {
      rates = new BuiltInRates(scheme, eligible);
      custom = new CustomIndicators(scheme, eligible, settings);
      scoreEligible();
      SplittableRandom root = new SplittableRandom(settings.seed());
      SplittableRandom bootstrapRandom = root.split();
      SplittableRandom weightRandom = root.split();
      int tenants = eligible.size();
      RankInterval[] intervals =
          settings.resamples() > 0 && tenants > 0
              ? RankBootstrap.intervals(
                  scheme,
                  numerators,
                  denominators,
                  fixed,
                  tenants,
                  settings.resamples(),
                  bootstrapRandom)
              : new RankInterval[tenants];
      WeightPerturbation.Result sensitivity =
          settings.weightDraws() > 0 && tenants > 0
              ? WeightPerturbation.run(
                  Scoring.weights(scheme),
                  scores,
                  ranks,
                  settings.weightDraws(),
                  settings.weightNoise(),
                  weightRandom)
              : null;
      List<LeagueRow> rows = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        rows.add(
            eligibleRow(t, intervals[t], sensitivity == null ? null : sensitivity.tenants()[t]));
      }
      rows.sort(Comparator.comparing(LeagueRow::rank).thenComparing(LeagueRow::tenant));
      ineligible.forEach(figures -> rows.add(ineligibleRow(figures)));
      return new LeagueTable(
          scheme,
          rows,
          rates.pooled(),
          rates.priors(),
          sensitivity == null ? null : sensitivity.summary(),
          custom.pooled());
    }

    /** SPEC §4 steps 2–4: the scheme rates as arrays, their scores, the totals and the ranks. */
    private void scoreEligible() {
      int tenants = eligible.size();
      int indicators = scheme.indicators().size();
      numerators = new long[indicators][tenants];
      denominators = new long[indicators][tenants];
      double[][] values = new double[indicators][tenants];
      fixed = new double[indicators][];
      for (int i = 0; i < indicators; i++) {
        Indicator rate = scheme.indicators().get(i).rate();
        if (rate == null) {
          customValues(i, values);
          continue;
        }
        for (int t = 0; t < tenants; t++) {
          numerators[i][t] = eligible.get(t).indicators().count(rate.numerator());
          denominators[i][t] = eligible.get(t).indicators().count(rate.denominator());
          Double value = eligible.get(t).indicators().rate(rate);
          values[i][t] = value == null ? Double.NaN : value;
        }
      }
      scores = Scoring.indicatorScores(scheme, values);
      totals = Scoring.totals(Scoring.weights(scheme), scores, tenants);
      ranks = Scoring.ranks(totals);
    }

    /**
     * Indicator {@code i}, not a built-in rate: a ratio's numerators and denominators (resampled by
     * the rank bootstrap like a built-in rate's), else the values, held {@code fixed} there.
     */
    private void customValues(int i, double[][] values) {
      String code = scheme.indicators().get(i).code();
      boolean ratios = true;
      for (int t = 0; t < eligible.size(); t++) {
        IndicatorFigure figure = eligible.get(t).custom(code);
        values[i][t] = figure.asDouble();
        if (figure.value().isRatio()) {
          numerators[i][t] = figure.value().numerator();
          denominators[i][t] = figure.value().denominator();
        } else {
          ratios = false;
        }
      }
      if (!ratios) {
        fixed[i] = values[i].clone();
      }
    }

    private LeagueRow eligibleRow(int t, RankInterval interval, TenantSensitivity sensitivity) {
      Map<Indicator, Double> indicatorScores = new LinkedHashMap<>();
      Map<String, Double> customScores = new LinkedHashMap<>();
      for (int i = 0; i < scores.length; i++) {
        SchemeIndicator indicator = scheme.indicators().get(i);
        if (indicator.isBuiltIn()) {
          indicatorScores.put(indicator.rate(), scores[i][t]);
        } else {
          customScores.put(indicator.code(), scores[i][t]);
        }
      }
      TenantFigures figures = eligible.get(t);
      Integer previous = previousRanks.get(figures.tenant());
      return new LeagueRow(
          figures.tenant(),
          figures.indicators(),
          true,
          null,
          Collections.unmodifiableMap(indicatorScores),
          totals[t],
          ranks[t],
          previous,
          previous == null ? null : previous - ranks[t],
          rates.details(figures),
          interval,
          sensitivity,
          custom.details(figures),
          Collections.unmodifiableMap(customScores));
    }

    private LeagueRow ineligibleRow(TenantFigures figures) {
      return new LeagueRow(
          figures.tenant(),
          figures.indicators(),
          false,
          "received " + figures.received() + " < minimum " + scheme.minimumVolume(),
          Map.of(),
          null,
          null,
          previousRanks.get(figures.tenant()),
          null,
          rates.details(figures),
          null,
          null,
          custom.details(figures),
          Map.of());
    }
  }
}
