package io.liangshai.risk;

import io.liangshai.core.warning.OpenCase;
import io.liangshai.core.warning.PastCase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training or held-out rows made from cases whose deadline has passed: each case is looked at on
 * {@link #SNAPSHOTS} instants drawn uniformly over its deadline window (seeded by the case, so the
 * same data gives the same rows), kept where it was still open then — exactly what the warnings
 * list shows — with the label whether it went on to miss its deadline.
 */
final class Examples {

  /** Instants each case is looked at. */
  static final int SNAPSHOTS = 2;

  final float[] features;
  final float[] labels;
  final int rows;

  private Examples(float[] features, float[] labels, int rows) {
    this.features = features;
    this.labels = labels;
    this.rows = rows;
  }

  /**
   * The rows of {@code cases}, their outcome judged at {@code horizon}, the tenant's share read
   * from {@code record} at each instant.
   */
  static Examples of(
      List<PastCase> cases, Instant horizon, TenantRecord record, Features features, long seed) {
    float[] x = new float[cases.size() * SNAPSHOTS * Features.COUNT];
    float[] y = new float[cases.size() * SNAPSHOTS];
    int n = 0;
    for (PastCase p : cases) {
      OpenCase c = p.openCase();
      long window = c.deadline().toEpochMilli() - c.receivedAt().toEpochMilli();
      if (window <= 0) {
        continue;
      }
      Random random = new Random(seed * 31 + (c.tenant() + "/" + c.caseId()).hashCode());
      float label = p.missed(horizon) ? 1 : 0;
      for (int s = 0; s < SNAPSHOTS; s++) {
        Instant at = c.receivedAt().plusMillis((long) (random.nextDouble() * window));
        if (!p.openAt(at)) {
          continue;
        }
        features.write(
            c,
            at,
            features.workingDaysLeft(c, at),
            record.share(c.tenant(), at),
            x,
            n * Features.COUNT);
        y[n++] = label;
      }
    }
    return new Examples(Arrays.copyOf(x, n * Features.COUNT), Arrays.copyOf(y, n), n);
  }

  /** The share of rows whose case missed its deadline. */
  double positiveShare() {
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      sum += labels[i];
    }
    return rows == 0 ? 0 : sum / rows;
  }

  boolean hasBothOutcomes() {
    double share = positiveShare();
    return share > 0 && share < 1;
  }
}
