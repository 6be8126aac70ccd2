package io.liangshai.problems;

import java.util.Map;

/** A sparse TF-IDF vector: word numbers ascending and their weights. */
record Vector(int[] terms, double[] weights) {

  /** The squared length of the part held (at most 1: words of one case are left out). */
  double selfDot() {
    double s = 0;
    for (double w : weights) {
      s += w * w;
    }
    return s;
  }

  void addTo(Map<Integer, Double> sum) {
    for (int i = 0; i < terms.length; i++) {
      sum.merge(terms[i], weights[i], Double::sum);
    }
  }

  double dot(Map<Integer, Double> sum) {
    double s = 0;
    for (int i = 0; i < terms.length; i++) {
      Double x = sum.get(terms[i]);
      if (x != null) {
        s += x * weights[i];
      }
    }
    return s;
  }
}
