package io.liangshai.risk;

import io.liangshai.core.warning.DeadlineClock;
import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.PastCase;
import io.liangshai.core.warning.PriorRiskModel;
import io.liangshai.core.warning.RiskModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Learns the risk of missing a deadline from the cases whose deadline has passed (methodology §13):
 * sorted by deadline, the earlier {@link #TRAIN_SHARE} train a model that is judged on the later
 * rest (AUC, Brier, base rate: a time-based split, the tenants' records built only from the earlier
 * part); then the same trees are grown on all of them and served, with that report. Deterministic:
 * one thread, a fixed seed, rows in the order given.
 */
public final class RiskTrainer {

  /** The share of cases, earliest deadlines first, that the judged model learns from. */
  static final double TRAIN_SHARE = 0.8;

  /** Fewer cases with an outcome than this: the prior answers. */
  public static final int MIN_CASES = 200;

  static final int ROUNDS = 150;
  static final long SEED = 17;

  private final Features features;

  public RiskTrainer(DeadlineClock clock) {
    this.features = new Features(clock);
  }

  /**
   * A model learned from {@code cases} (each with a deadline before {@code horizon}, the instant
   * their outcomes are known at), reported as trained at {@code trainedAt}; empty when there are
   * too few cases, or the held-out part lacks an outcome, to learn and judge a model.
   */
  public Optional<RiskModel> train(List<PastCase> cases, Instant horizon, Instant trainedAt) {
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(trainedAt, "trainedAt");
    if (cases.size() < MIN_CASES) {
      return Optional.empty();
    }
    List<PastCase> sorted = new ArrayList<>(cases);
    sorted.sort(
        Comparator.comparing((PastCase p) -> p.openCase().deadline())
            .thenComparing(p -> p.openCase().tenant())
            .thenComparing(p -> p.openCase().caseId()));
    int cut = (int) Math.round(sorted.size() * TRAIN_SHARE);
    List<PastCase> earlier = sorted.subList(0, cut);
    List<PastCase> later = sorted.subList(cut, sorted.size());
    TenantRecord earlierRecord = new TenantRecord(earlier, horizon);
    Examples train = Examples.of(earlier, horizon, earlierRecord, features, SEED);
    Examples held = Examples.of(later, horizon, earlierRecord, features, SEED);
    if (!train.hasBothOutcomes() || !held.hasBothOutcomes()) {
      return Optional.empty();
    }
    try {
      Booster judged = grow(train);
      float[] p = predict(judged, held);
      judged.dispose();
      TenantRecord all = new TenantRecord(sorted, horizon);
      Booster served = grow(Examples.of(sorted, horizon, all, features, SEED));
      ModelReport report =
          new ModelReport(
              round(Quality.auc(p, held.labels)),
              round(Quality.brier(p, held.labels)),
              round(held.positiveShare()),
              trainedAt,
              sorted.get(0).openCase().deadline(),
              sorted.get(sorted.size() - 1).openCase().deadline(),
              sorted.size(),
              PriorRiskModel.STATEMENT);
      return Optional.of(new BoostedRiskModel(served, features, all, report));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to learn from " + cases.size() + " cases", e);
    }
  }

  private static Booster grow(Examples examples) throws XGBoostError {
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("eval_metric", "logloss");
    params.put("tree_method", "hist");
    params.put("max_depth", 4);
    params.put("eta", 0.1);
    params.put("min_child_weight", 10);
    params.put("lambda", 1.0);
    params.put("nthread", 1);
    params.put("seed", SEED);
    params.put("verbosity", 0);
    DMatrix m = matrix(examples);
    try {
      return XGBoost.train(m, params, ROUNDS, Map.of(), null, null);
    } finally {
      m.dispose();
    }
  }

  private static DMatrix matrix(Examples e) throws XGBoostError {
    DMatrix m = new DMatrix(e.features, e.rows, Features.COUNT, Float.NaN);
    m.setLabel(e.labels);
    return m;
  }

  private static float[] predict(Booster booster, Examples e) throws XGBoostError {
    DMatrix m = matrix(e);
    float[][] predictions;
    try {
      predictions = booster.predict(m);
    } finally {
      m.dispose();
    }
    float[] p = new float[predictions.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = predictions[i][0];
    }
    return p;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
