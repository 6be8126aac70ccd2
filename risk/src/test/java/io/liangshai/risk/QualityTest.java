package io.liangshai.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QualityTest {

  @Test
  void aucCountsTiesAsHalf() {
    float[] scores = {0.1f, 0.4f, 0.4f, 0.8f};
    float[] labels = {0, 0, 1, 1};
    // Pairs (positive, negative): (0.4, 0.1) right, (0.4, 0.4) half, (0.8, 0.1) and (0.8, 0.4)
    // right: 3.5 of 4.
    assertThat(Quality.auc(scores, labels)).isCloseTo(0.875, within(1e-12));
    assertThat(Quality.auc(new float[] {0.3f, 0.2f}, new float[] {1, 0})).isEqualTo(1.0);
    assertThat(Quality.auc(new float[] {0.3f}, new float[] {1})).isNaN();
  }

  @Test
  void brierIsTheMeanSquaredError() {
    float[] p = {0.2f, 0.9f};
    float[] y = {0, 1};
    assertThat(Quality.brier(p, y)).isCloseTo((0.04 + 0.01) / 2, within(1e-6));
  }
}
