package io.liangshai.risk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Held-out quality of probabilities against outcomes: ROC AUC and the Brier score. */
final class Quality {

  private Quality() {}

  /**
   * The area under the ROC curve: the chance that a random positive scores above a random negative,
   * ties counting half (mid-ranks, Mann–Whitney).
   */
  static double auc(float[] scores, float[] labels) {
    int n = scores.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] > 0.5) {
          positiveRanks += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The mean squared difference between probability and outcome. */
  static double brier(float[] probabilities, float[] labels) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double d = probabilities[i] - labels[i];
      sum += d * d;
    }
    return sum / probabilities.length;
  }
}
