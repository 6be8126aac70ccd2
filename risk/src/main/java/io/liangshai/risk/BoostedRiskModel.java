package io.liangshai.risk;

import io.liangshai.core.warning.ModelReport;
import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.Risk;
import io.liangshai.core.warning.RiskModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A risk model learned by {@link RiskTrainer}: gradient-boosted trees over {@link Features}, the
 * tenants' records it was trained with, and its held-out report. Risk 1 once overdue; otherwise the
 * trees' probability (logistic objective), capped below 1, with {@link Reasons} from the per-row
 * contributions. Scoring is serialised: one booster, many readers.
 */
final class BoostedRiskModel implements RiskModel {

  /** The highest risk of a case not yet overdue: 1 is for overdue cases only. */
  static final double MAX_OPEN_RISK = 0.9999;

  private final Booster booster;
  private final Features features;
  private final TenantRecord record;
  private final ModelReport report;

  BoostedRiskModel(Booster booster, Features features, TenantRecord record, ModelReport report) {
    this.booster = Objects.requireNonNull(booster, "booster");
    this.features = Objects.requireNonNull(features, "features");
    this.record = Objects.requireNonNull(record, "record");
    this.report = Objects.requireNonNull(report, "report");
  }

  @Override
  public Risk assess(OpenCase c, Instant asOf, int workingDaysLeft) {
    return assessAll(List.of(c), asOf, new int[] {workingDaysLeft}).get(0);
  }

  @Override
  public List<Risk> assessAll(List<OpenCase> cases, Instant asOf, int[] workingDaysLeft) {
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (!cases.get(i).deadline().isBefore(asOf)) {
        open.add(i);
      }
    }
    float[] x = new float[open.size() * Features.COUNT];
    for (int k = 0; k < open.size(); k++) {
      int i = open.get(k);
      OpenCase c = cases.get(i);
      features.write(
          c, asOf, workingDaysLeft[i], record.share(c.tenant(), asOf), x, k * Features.COUNT);
    }
    float[][][] scored = score(x, open.size());
    List<Risk> risks = new ArrayList<>(cases.size());
    int k = 0;
    for (int i = 0; i < cases.size(); i++) {
      if (k < open.size() && open.get(k) == i) {
        double p = Math.min(MAX_OPEN_RISK, Math.round(scored[0][k][0] * 10_000) / 10_000.0);
        risks.add(new Risk(p, Reasons.of(x, k * Features.COUNT, scored[1][k])));
        k++;
      } else {
        risks.add(new Risk(1.0, List.of("past deadline")));
      }
    }
    return risks;
  }

  /** Probabilities and contributions of {@code rows} rows, or none. */
  private synchronized float[][][] score(float[] x, int rows) {
    if (rows == 0) {
      return new float[][][] {new float[0][], new float[0][]};
    }
    try {
      DMatrix m = new DMatrix(x, rows, Features.COUNT, Float.NaN);
      try {
        return new float[][][] {booster.predict(m), booster.predictContrib(m, 0)};
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("the risk model cannot score " + rows + " cases", e);
    }
  }

  @Override
  public ModelReport report() {
    return report;
  }
}
