package io.liangshai.problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups being formed: each group's sum of member vectors and its squared length, and an inverted
 * index from words to the groups whose sum holds them.
 */
final class Centroids {

  private final List<Map<Integer, Double>> sums = new ArrayList<>();
  private final List<Double> norm2 = new ArrayList<>();
  private final Map<Integer, List<Integer>> postings = new HashMap<>();

  /** A new empty group's number. */
  int open() {
    sums.add(new HashMap<>());
    norm2.add(0.0);
    return sums.size() - 1;
  }

  void add(int group, Vector v) {
    Map<Integer, Double> sum = sums.get(group);
    double dot = v.dot(sum);
    norm2.set(group, norm2.get(group) + 2 * dot + v.selfDot());
    for (int i = 0; i < v.terms().length; i++) {
      int t = v.terms()[i];
      if (!sum.containsKey(t)) {
        postings.computeIfAbsent(t, k -> new ArrayList<>()).add(group);
      }
      sum.merge(t, v.weights()[i], Double::sum);
    }
  }

  double norm2(int group) {
    return norm2.get(group);
  }

  double norm(int group) {
    return Math.sqrt(norm2.get(group));
  }

  /** The dot product of {@code v} with every group sharing a word with it. */
  Map<Integer, Double> dots(Vector v) {
    Map<Integer, Double> dots = new HashMap<>();
    for (int i = 0; i < v.terms().length; i++) {
      List<Integer> groups = postings.get(v.terms()[i]);
      if (groups == null) {
        continue;
      }
      double w = v.weights()[i];
      int t = v.terms()[i];
      for (int g : groups) {
        dots.merge(g, w * sums.get(g).get(t), Double::sum);
      }
    }
    return dots;
  }
}
